// GET /api/bookings?scope=active|upcoming|history – the signed-in therapist's bookings (the therapist)
import { listTherapistBookings } from "@tenang/booking-server/therapists/list-therapist-bookings";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { z } from "zod";
import type { BookingsResponse } from "@/lib/dto";
import { bookingServer, handleRoute, requestLocale, requireTherapist } from "@/server/app-server";
import { toBookingDto } from "@/server/bookings/booking-dto";

export const dynamic = "force-dynamic";

const querySchema = z.object({ scope: z.enum(["active", "upcoming", "history"]).default("active") });

export const GET = handleRoute(async (request) => {
  const { therapist } = await requireTherapist();
  const { scope } = parseOrThrow(
    querySchema,
    { scope: request.nextUrl.searchParams.get("scope") ?? undefined },
    requestLocale(request),
  );
  const ctx = bookingServer();
  const views = await listTherapistBookings(ctx, { therapistId: therapist.id, scope });
  const body: BookingsResponse = { bookings: views.map(toBookingDto), serverTime: ctx.clock().toISOString() };
  return Response.json(body);
});
