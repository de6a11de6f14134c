// GET /api/me – the signed-in therapist's own state: online, busy, restricted and why (the therapist)
import { handleRoute, requestLocale, requireTherapist } from "@/server/app-server";
import { toMeDto } from "@/server/therapists/get-me";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request) => {
  const { user, therapist } = await requireTherapist();
  return Response.json(toMeDto(user, therapist, requestLocale(request)));
});
