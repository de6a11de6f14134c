// POST /api/discount-codes/check – what a code takes off a booking, or why it is refused (the guest)
import { durationSchema, idSchema } from "@tenang/booking-core/schemas/common";
import { discountCodeInputSchema } from "@tenang/booking-core/schemas/discount-code";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { z } from "zod";
import { checkDiscountCode } from "@/server/discounts/check-discount-code";
import { requireGuest } from "@/server/guests/get-guest";
import { handleRoute, readJson, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

const checkInputSchema = z.object({
  code: discountCodeInputSchema,
  duration: durationSchema,
  therapistId: idSchema.nullish().transform((v) => v ?? null),
  placeId: idSchema.nullish().transform((v) => v ?? null),
});

export const POST = handleRoute(async (request) => {
  const guest = await requireGuest(request);
  const input = parseOrThrow(checkInputSchema, await readJson(request), requestLocale(request));
  return Response.json(await checkDiscountCode(guest.userId, input), { headers: { "Cache-Control": "no-store" } });
});
