// GET /api/bookings/active – the calling guest's booking that is still under way, or null (anyone; no session → null)
import { getActiveCustomerBooking } from "@tenang/booking-server/bookings/get-customer-booking";
import { bookingServer } from "@/server/bookings/booking-server-context";
import { customerBookingResponse } from "@/server/bookings/customer-booking-dto";
import { readGuestSecretFrom } from "@/server/guests/guest-cookie";
import { findGuestSession } from "@/server/guests/guest-repository";
import { handleRoute } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request) => {
  const secret = readGuestSecretFrom(request);
  const guest = secret ? await findGuestSession(secret) : null;
  const view = guest ? await getActiveCustomerBooking(bookingServer(), { customerId: guest.userId }) : null;
  return Response.json(view ? customerBookingResponse(view) : { booking: null, serverTime: new Date().toISOString() }, {
    headers: { "Cache-Control": "no-store" },
  });
});
