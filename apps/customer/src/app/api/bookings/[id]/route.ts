// GET /api/bookings/[id] – one of the calling guest's bookings, with the therapist card once one holds it (the guest)
import { getCustomerBooking } from "@tenang/booking-server/bookings/get-customer-booking";
import { bookingServer, handleRoute, requireGuest } from "@/server/app-server";
import { customerBookingResponse } from "@/server/bookings/customer-booking-dto";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id } = await params;
  // Someone else's booking and no booking at all answer the same 404, so ids cannot be probed.
  const view = await getCustomerBooking(bookingServer(), { customerId: guest.userId, bookingId: id });
  return Response.json(customerBookingResponse(view));
});
