// GET /api/profile – the signed-in therapist's profile; PUT – save it, validated with therapistProfileInputSchema (the therapist)
import { therapistProfileInputSchema } from "@tenang/booking-core/schemas/therapist";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { handleRoute, readJson, requestLocale, requireTherapist } from "@/server/app-server";
import { saveProfile, toProfileDto } from "@/server/therapists/profile";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const { therapist } = await requireTherapist();
  return Response.json(toProfileDto(therapist));
});

export const PUT = handleRoute(async (request) => {
  const { therapist } = await requireTherapist();
  const locale = requestLocale(request);
  const input = parseOrThrow(therapistProfileInputSchema, await readJson(request), locale);
  return Response.json(await saveProfile(therapist.id, input, locale));
});
