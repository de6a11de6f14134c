// POST /api/realtime/token – a short-lived JWT for the browser's Realtime socket, and where that socket goes (the guest)
import { handleRoute, realtimeToken, requireGuest } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const guest = await requireGuest(request);
  // Endpoint and project are the running server's (never build-time values), so one build serves any backend.
  const token = await realtimeToken({ userId: guest.userId, sessionId: guest.sessionId });
  return Response.json(token, { status: 201 });
});
