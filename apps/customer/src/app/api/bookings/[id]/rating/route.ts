// POST /api/bookings/[id]/rating – rate a completed booking, once, within 7 days of completion (the booking's guest)
import { rateBookingInputSchema } from "@tenang/booking-core/schemas/rating";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { rateBooking } from "@tenang/booking-server/bookings/rate-booking";
import { bookingServer } from "@/server/bookings/booking-server-context";
import { customerBookingResponse } from "@/server/bookings/customer-booking-dto";
import { requireGuest } from "@/server/guests/get-guest";
import { handleRoute, readJson, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id } = await params;
  const input = parseOrThrow(rateBookingInputSchema, await readJson(request), requestLocale(request));
  const view = await rateBooking(bookingServer(), { customerId: guest.userId, bookingId: id, input });
  return Response.json(customerBookingResponse(view), { status: 201, headers: { "Cache-Control": "no-store" } });
});
