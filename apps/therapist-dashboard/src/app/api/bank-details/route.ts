// PUT /api/bank-details – save the bank account Tenang pays the signed-in therapist into (the therapist)
import { bankDetailsInputSchema } from "@tenang/booking-core/schemas/bank-details";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { saveBankDetails } from "@tenang/booking-server/therapists/bank-details-repository";
import { requireTherapist } from "@/server/auth/require-therapist";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute, readJson, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const PUT = handleRoute(async (request) => {
  const { user } = await requireTherapist();
  const input = parseOrThrow(bankDetailsInputSchema, await readJson(request), requestLocale(request));
  await saveBankDetails(bookingContext(), user.id, input);
  return Response.json({ bankDetails: input });
});
