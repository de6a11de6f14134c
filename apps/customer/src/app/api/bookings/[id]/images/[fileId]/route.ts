// GET /api/bookings/[id]/images/[fileId] – the bytes of a photo in the booking's chat (the booking's guest)
import { chatImageResponse } from "@tenang/app-server/storage/chat-image-response";
import { getChatImage } from "@tenang/booking-server/messages/get-chat-image";
import { bookingServer, handleRoute, pathId, requireGuest } from "@/server/app-server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; fileId: string }> };

export const GET = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id, fileId } = await params;
  // A junk id answers like an unknown photo: 404.
  const image = await getChatImage(bookingServer(), {
    bookingId: pathId(id, "not_found"),
    fileId: pathId(fileId, "not_found"),
    viewer: { role: "customer", id: guest.userId },
  });
  return chatImageResponse(image);
});
