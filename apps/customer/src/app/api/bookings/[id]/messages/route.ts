// GET  /api/bookings/[id]/messages?before=&after=&limit= – a page of the booking's chat, oldest first (the booking's guest)
// POST /api/bookings/[id]/messages – send a message; the clientMessageId makes a retried send land once (the booking's guest)
import { sendMessageInputSchema } from "@tenang/booking-core/schemas/chat";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { listMessages } from "@tenang/booking-server/messages/list-messages";
import { sendMessage } from "@tenang/booking-server/messages/send-message";
import { bookingServer, handleRoute, readJson, requestLocale, requireGuest } from "@/server/app-server";
import { listMessagesQuerySchema } from "@/server/messages/message-query";
import { queryToObject } from "@/server/search/search-input";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id } = await params;
  const query = parseOrThrow(
    listMessagesQuerySchema,
    queryToObject(request.nextUrl.searchParams),
    requestLocale(request),
  );
  const page = await listMessages(bookingServer(), {
    bookingId: id,
    viewer: { role: "customer", id: guest.userId },
    ...query,
  });
  return Response.json(page);
});

export const POST = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id } = await params;
  const input = parseOrThrow(sendMessageInputSchema, await readJson(request), requestLocale(request));
  const message = await sendMessage(bookingServer(), {
    bookingId: id,
    sender: { role: "customer", id: guest.userId },
    input,
  });
  return Response.json({ message }, { status: 201 });
});
