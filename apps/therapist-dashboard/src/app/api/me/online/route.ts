// POST /api/me/online – go online or offline; refused with the reason while restricted (the therapist)
import { setTherapistOnline } from "@tenang/booking-server/therapists/set-therapist-online";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { availabilityInputSchema } from "@/lib/availability-input";
import { bookingServer, handleRoute, readJson, requestLocale, requireTherapist } from "@/server/app-server";
import { toMeDto } from "@/server/therapists/get-me";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const { user, therapist } = await requireTherapist();
  const locale = requestLocale(request);
  const { online } = parseOrThrow(availabilityInputSchema, await readJson(request), locale);
  const updated = await setTherapistOnline(bookingServer(), { therapistId: therapist.id, online });
  return Response.json(toMeDto(user, updated, locale));
});
