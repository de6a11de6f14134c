// POST /api/realtime/token – a 15-minute JWT for the browser's Realtime socket, from the caller's own session (the therapist)
import { callerRealtimeToken, handleRoute, requireTherapist } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async () => {
  const token = await callerRealtimeToken(await requireTherapist());
  return Response.json(token, { status: 201 });
});
