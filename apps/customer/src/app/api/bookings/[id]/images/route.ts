// POST /api/bookings/[id]/images – send a photo into the chat (multipart: file, clientMessageId, text?); a retried upload lands once (the booking's guest)
import { readMultipartForm } from "@tenang/app-server/http/read-multipart";
import { chatImageFormFields, chatImageUploadCap } from "@tenang/booking-server/messages/chat-image-form";
import { uploadChatImage } from "@tenang/booking-server/messages/upload-chat-image";
import { bookingServer, handleRoute, requestLocale, requireGuest } from "@/server/app-server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id } = await params;
  const locale = requestLocale(request);
  const form = await readMultipartForm(request, chatImageUploadCap(locale));
  const message = await uploadChatImage(bookingServer(), {
    bookingId: id,
    sender: { role: "customer", id: guest.userId },
    ...chatImageFormFields(form, locale),
    locale,
  });
  return Response.json({ message }, { status: 201 });
});
