// POST /api/internal/sweep – move on every booking whose offer or deadline ran out (a scheduler; x-sweeper-secret header)
import { sweepDueBookings } from "@tenang/booking-server/sweeper/sweep-due-bookings";
import { bookingServer, handleRoute } from "@/server/app-server";
import { requireSweeperSecret } from "@/server/sweeper/sweeper-secret";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  requireSweeperSecret(request);
  const result = await sweepDueBookings(bookingServer());
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
