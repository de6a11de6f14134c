// GET /api/bookings/[id]/images/[fileId] – the bytes of a photo in the booking's chat (the booking's confirmed therapist)
import { chatImageResponse } from "@tenang/app-server/storage/chat-image-response";
import { getChatImage } from "@tenang/booking-server/messages/get-chat-image";
import { bookingServer, handleRoute, pathId, requireTherapist } from "@/server/app-server";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; fileId: string }> };

export const GET = handleRoute(async (_request, { params }: Params) => {
  const { therapist } = await requireTherapist();
  const { id, fileId } = await params;
  const image = await getChatImage(bookingServer(), {
    bookingId: pathId(id),
    fileId: pathId(fileId),
    viewer: { role: "therapist", id: therapist.id },
  });
  return chatImageResponse(image);
});
