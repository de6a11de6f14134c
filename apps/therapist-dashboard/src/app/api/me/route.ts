// GET /api/me – the signed-in therapist's own state: online, busy, restricted and why (the therapist)
import { requireTherapist } from "@/server/auth/require-therapist";
import { handleRoute, requestLocale } from "@/server/http/handle-route";
import { toMeDto } from "@/server/therapists/get-me";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request) => {
  const { user, therapist } = await requireTherapist();
  return Response.json(toMeDto(user, therapist, requestLocale(request)), { headers: { "Cache-Control": "no-store" } });
});
