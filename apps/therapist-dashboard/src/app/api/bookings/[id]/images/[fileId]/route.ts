// GET /api/bookings/[id]/images/[fileId] – the bytes of a photo in the booking's chat (the booking's confirmed therapist)
import { getChatImage } from "@tenang/booking-server/messages/get-chat-image";
import { requireTherapist } from "@/server/auth/require-therapist";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute } from "@/server/http/handle-route";
import { pathId } from "@/server/http/path-id";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; fileId: string }> };

export const GET = handleRoute(async (_request, { params }: Params) => {
  const { therapist } = await requireTherapist();
  const { id, fileId } = await params;
  const image = await getChatImage(bookingContext(), {
    bookingId: pathId(id),
    fileId: pathId(fileId),
    viewer: { role: "therapist", id: therapist.id },
  });
  return new Response(image.bytes, {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.bytes.byteLength),
      // A stored photo never changes under its id; only this browser's own cache may keep it (it is private).
      "Cache-Control": "private, max-age=86400, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
