// POST /api/bookings/[id]/status – on the way / delayed / arrived / started / completed; 409 on a stale version (the assigned therapist)
import { updateBookingProgress } from "@tenang/booking-server/bookings/update-progress";
import { providerStatusInputSchema } from "@tenang/booking-core/schemas/booking-actions";
import { parseOrThrow } from "@tenang/booking-core/validation";
import type { BookingResponse } from "@/lib/dto";
import { bookingServer, handleRoute, pathId, readJson, requestLocale, requireTherapist } from "@/server/app-server";
import { toBookingDto } from "@/server/bookings/booking-dto";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { therapist } = await requireTherapist();
  const bookingId = pathId((await params).id);
  const input = parseOrThrow(providerStatusInputSchema, await readJson(request), requestLocale(request));
  const ctx = bookingServer();
  const view = await updateBookingProgress(ctx, {
    therapistId: therapist.id,
    bookingId,
    expectedVersion: input.expectedVersion,
    input,
  });
  const body: BookingResponse = { booking: toBookingDto(view), serverTime: ctx.clock().toISOString() };
  return Response.json(body);
});
