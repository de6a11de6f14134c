// GET /api/bookings/[id]/images/[fileId] – the bytes of a photo in the booking's chat (the booking's confirmed therapist)
import { chatImageResponse } from "@tenang/app-server/storage/chat-image-response";
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
  return chatImageResponse(image);
});
