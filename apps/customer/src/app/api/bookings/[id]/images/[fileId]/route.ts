// GET /api/bookings/[id]/images/[fileId] – the bytes of a photo in the booking's chat (the booking's guest)
import { DomainError } from "@tenang/booking-core/errors";
import { chatImageResponse } from "@tenang/app-server/storage/chat-image-response";
import { getChatImage } from "@tenang/booking-server/messages/get-chat-image";
import { isAppwriteId } from "@/server/appwrite/resource-ids";
import { bookingServer } from "@/server/bookings/booking-server-context";
import { requireGuest } from "@/server/guests/get-guest";
import { handleRoute } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; fileId: string }> };

export const GET = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id, fileId } = await params;
  if (!isAppwriteId(id) || !isAppwriteId(fileId)) throw new DomainError("not_found", "no such photo");
  const image = await getChatImage(bookingServer(), {
    bookingId: id,
    fileId,
    viewer: { role: "customer", id: guest.userId },
  });
  return chatImageResponse(image);
});
