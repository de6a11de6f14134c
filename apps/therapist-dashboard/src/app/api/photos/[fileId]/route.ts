// GET /api/photos/[fileId]?w=96|192|384 – a therapist's profile photo, optionally scaled (anyone; public bucket)
import { getPhoto } from "@tenang/booking-server/files/get-photo";
import { parsePhotoWidth } from "@tenang/booking-server/files/photo-width";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request, { params }: { params: Promise<{ fileId: string }> }) => {
  const { fileId } = await params;
  const width = parsePhotoWidth(request.nextUrl.searchParams.get("w"), requestLocale(request));
  const photo = await getPhoto(bookingContext(), fileId, width);
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
