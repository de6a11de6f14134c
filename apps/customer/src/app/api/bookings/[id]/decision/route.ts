// POST /api/bookings/[id]/decision – accept the therapist found, or ask for another (the booking's guest)
import { customerDecisionInputSchema } from "@tenang/booking-core/schemas/booking-actions";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { decideOnTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import { bookingServer, handleRoute, readJson, requestLocale, requireGuest } from "@/server/app-server";
import { customerBookingResponse } from "@/server/bookings/customer-booking-dto";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = handleRoute(async (request, { params }: Context) => {
  const guest = await requireGuest(request);
  const { id } = await params;
  const input = parseOrThrow(customerDecisionInputSchema, await readJson(request), requestLocale(request));
  const view = await decideOnTherapist(bookingServer(), { customerId: guest.userId, bookingId: id, input });
  return Response.json(customerBookingResponse(view));
});
