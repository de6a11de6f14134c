// POST /api/discount-codes/check – what a code takes off a booking, or why it is refused (the guest)
import { discountQuoteInputSchema } from "@tenang/booking-core/schemas/discount-code";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { quoteDiscount } from "@tenang/booking-server/discounts/quote-discount";
import { bookingServer, handleRoute, readJson, requestLocale, requireGuest } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const guest = await requireGuest(request);
  const input = parseOrThrow(discountQuoteInputSchema, await readJson(request), requestLocale(request));
  const quote = await quoteDiscount(bookingServer(), { customerId: guest.userId, input });
  return Response.json(quote);
});
