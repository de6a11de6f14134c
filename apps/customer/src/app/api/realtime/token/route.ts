// POST /api/realtime/token – a short-lived JWT for the browser's Realtime socket, and where that socket goes (the guest)
import { mintRealtimeToken } from "@tenang/booking-server/realtime/mint-realtime-token";
import { publicEnv } from "@/env";
import { bookingServer } from "@/server/bookings/booking-server-context";
import { requireGuest } from "@/server/guests/get-guest";
import { handleRoute } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const guest = await requireGuest(request);
  const token = await mintRealtimeToken(bookingServer(), { userId: guest.userId, sessionId: guest.sessionId });
  // Endpoint and project are the running server's (never build-time values), so one build serves any backend.
  return Response.json(
    {
      jwt: token.jwt,
      expiresAt: token.expiresAt,
      endpoint: publicEnv.NEXT_PUBLIC_APPWRITE_ENDPOINT,
      projectId: publicEnv.NEXT_PUBLIC_APPWRITE_PROJECT_ID,
      databaseId: bookingServer().databaseId,
    },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
