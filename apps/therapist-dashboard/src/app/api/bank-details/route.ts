// PUT /api/bank-details – save the bank account Tenang pays the signed-in therapist into (the therapist)
import { parseOrThrow } from "@tenang/booking-core/validation";
import { bankDetailsInputSchema } from "@/lib/bank-details-input";
import { handleRoute, readJson, requestLocale, requireTherapist } from "@/server/app-server";
import { saveBankDetails } from "@/server/payouts/bank-details-repository";

export const dynamic = "force-dynamic";

export const PUT = handleRoute(async (request) => {
  const { user } = await requireTherapist();
  const input = parseOrThrow(bankDetailsInputSchema, await readJson(request), requestLocale(request));
  await saveBankDetails(user.id, input);
  return Response.json({ bankDetails: input });
});
