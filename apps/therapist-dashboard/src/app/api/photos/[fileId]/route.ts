// GET /api/photos/[fileId] – a therapist's profile photo from Appwrite Storage (anyone; the bucket is public)
import { handleRoute } from "@/server/http/handle-route";
import { getPhoto } from "@/server/photos/get-photo";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_request, { params }: { params: Promise<{ fileId: string }> }) => {
  const { fileId } = await params;
  const photo = await getPhoto(fileId);
  return new Response(photo.bytes, {
    headers: {
      "Content-Type": photo.mimeType,
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
      "X-Content-Type-Options": "nosniff",
      // Photos include SVG, which can carry script: opened directly, it must run nothing and load nothing.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
});
