// POST /api/bookings/[id]/cancel – cancel at any step; an open offer is withdrawn at once (the booking's guest)
import { cancelBookingInputSchema } from "@tenang/booking-core/schemas/booking-actions";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { cancelBooking } from "@tenang/booking-server/bookings/cancel-booking";
import { bookingServer, handleRoute, readJson, requestLocale, requireGuest } from "@/server/app-server";
import { customerBookingResponse } from "@/server/bookings/customer-booking-dto";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id } = await params;
  const input = parseOrThrow(cancelBookingInputSchema, await readJson(request), requestLocale(request));
  const view = await cancelBooking(bookingServer(), {
    actor: { role: "customer", customerId: guest.userId },
    bookingId: id,
    expectedVersion: input.expectedVersion,
    reason: input.reason,
  });
  return Response.json(customerBookingResponse(view));
});
