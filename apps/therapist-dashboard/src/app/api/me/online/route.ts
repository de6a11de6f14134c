// POST /api/me/online – go online or offline; refused with the reason while restricted (the therapist)
import { setTherapistOnline } from "@tenang/booking-server/therapists/set-therapist-online";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { availabilityInputSchema } from "@/lib/availability-input";
import { requireTherapist } from "@/server/auth/require-therapist";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute, readJson, requestLocale } from "@/server/http/handle-route";
import { toMeDto } from "@/server/therapists/get-me";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const { user, therapist } = await requireTherapist();
  const locale = requestLocale(request);
  const { online } = parseOrThrow(availabilityInputSchema, await readJson(request), locale);
  const updated = await setTherapistOnline(bookingContext(), { therapistId: therapist.id, online });
  return Response.json(toMeDto(user, updated, locale));
});
