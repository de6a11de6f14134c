// GET /api/bookings/[id]/messages/search?q= – messages of the booking's chat containing the words (the booking's guest)
import { parseOrThrow } from "@tenang/booking-core/validation";
import { searchMessages } from "@tenang/booking-server/messages/search-messages";
import { bookingServer, handleRoute, requestLocale, requireGuest } from "@/server/app-server";
import { searchMessagesQuerySchema } from "@/server/messages/message-query";
import { queryToObject } from "@/server/search/search-input";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id } = await params;
  const locale = requestLocale(request);
  const { q, limit } = parseOrThrow(searchMessagesQuerySchema, queryToObject(request.nextUrl.searchParams), locale);
  const messages = await searchMessages(bookingServer(), {
    bookingId: id,
    viewer: { role: "customer", id: guest.userId },
    query: q,
    limit,
    locale,
  });
  return Response.json({ messages });
});
