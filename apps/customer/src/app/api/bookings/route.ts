// POST /api/bookings – create a booking and start the search (the guest; Idempotency-Key header required)
import { createBookingInputSchema } from "@tenang/booking-core/schemas/booking";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { handleRoute, readJson, requestLocale, requireGuest } from "@/server/app-server";
import { customerBookingResponse } from "@/server/bookings/customer-booking-dto";
import { requireIdempotencyKey } from "@/server/bookings/idempotency-key";
import { placeBooking } from "@/server/bookings/place-booking";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const guest = await requireGuest(request);
  const idempotencyKey = requireIdempotencyKey(request);
  const input = parseOrThrow(createBookingInputSchema, await readJson(request), requestLocale(request));
  const view = await placeBooking(guest, input, idempotencyKey);
  return Response.json(customerBookingResponse(view), { status: 201 });
});
