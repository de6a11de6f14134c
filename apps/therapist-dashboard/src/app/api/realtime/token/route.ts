// POST /api/realtime/token – a 15-minute JWT for the browser's Realtime socket, from the caller's own session (the therapist)
import { requireTherapist } from "@/server/auth/require-therapist";
import { handleRoute } from "@/server/http/handle-route";
import { createRealtimeToken } from "@/server/realtime/create-realtime-token";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async () => {
  const { user, secret } = await requireTherapist();
  const token = await createRealtimeToken({ userId: user.id, secret });
  return Response.json(token, { status: 201, headers: { "Cache-Control": "no-store" } });
});
