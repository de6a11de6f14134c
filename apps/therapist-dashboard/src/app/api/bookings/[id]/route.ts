// GET /api/bookings/[id] – one booking the signed-in therapist holds; 404 for anyone else's (the therapist)
import { getTherapistBooking } from "@tenang/booking-server/therapists/list-therapist-bookings";
import type { BookingResponse } from "@/lib/dto";
import { bookingServer, handleRoute, pathId, requireTherapist } from "@/server/app-server";
import { toBookingDto } from "@/server/bookings/booking-dto";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { therapist } = await requireTherapist();
  const bookingId = pathId((await params).id);
  const ctx = bookingServer();
  const view = await getTherapistBooking(ctx, { therapistId: therapist.id, bookingId });
  const body: BookingResponse = { booking: toBookingDto(view), serverTime: ctx.clock().toISOString() };
  return Response.json(body);
});
