// POST /api/bookings/[id]/images – send a photo into the booking's chat (multipart: file, clientMessageId, text?); a retried upload lands once (the booking's confirmed therapist)
import { readMultipartForm } from "@tenang/app-server/http/read-multipart";
import { chatImageFormFields, chatImageUploadCap } from "@tenang/booking-server/messages/chat-image-form";
import { uploadChatImage } from "@tenang/booking-server/messages/upload-chat-image";
import { bookingServer, handleRoute, pathId, requestLocale, requireTherapist } from "@/server/app-server";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const POST = handleRoute(async (request, { params }: Params) => {
  const { therapist } = await requireTherapist();
  const bookingId = pathId((await params).id);
  const locale = requestLocale(request);
  const form = await readMultipartForm(request, chatImageUploadCap(locale));
  const message = await uploadChatImage(bookingServer(), {
    bookingId,
    sender: { role: "therapist", id: therapist.id },
    ...chatImageFormFields(form, locale),
    locale,
  });
  return Response.json({ message }, { status: 201 });
});
