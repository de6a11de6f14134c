// A discount code: percent or fixed rupiah, with a minimum spend, a validity window and usage limits. The rules that
// apply it are applyDiscount in discount.ts.
import * as z from "zod";
import { isRupiah } from "../rupiah";
import { withMessage } from "../validation";
import { durationSchema, idSchema, rupiahSchema, utcDateTimeSchema } from "./common";

const CODE = /^[A-Z0-9_-]{3,32}$/;

/** How codes are compared and stored: trimmed, upper-case. */
export function normalizeDiscountCode(code: string): string {
  return code.trim().toUpperCase();
}

/** A code as a customer types it: trimmed and upper-cased, 3–32 of A–Z 0–9 - _. */
export const discountCodeInputSchema = z
  .string()
  .transform(normalizeDiscountCode)
  .refine((v) => CODE.test(v), withMessage("discount_code_invalid"));

export const discountKinds = ["percent", "fixed"] as const;

export const discountCodeSchema = z
  .object({
    id: idSchema,
    code: discountCodeInputSchema,
    kind: z.enum(discountKinds),
    /** Percent (1–100) for `percent`, rupiah for `fixed`. */
    value: z.number().int().min(1),
    minSpend: rupiahSchema.default(0),
    /** Cap for percent codes ("20 % up to Rp50.000"); null = no cap. */
    maxDiscount: rupiahSchema.nullable().default(null),
    validFrom: utcDateTimeSchema.nullable().default(null),
    validUntil: utcDateTimeSchema.nullable().default(null),
    usageLimit: z.number().int().min(0).nullable().default(null),
    usedCount: z.number().int().min(0).default(0),
    perCustomerLimit: z.number().int().min(0).nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((v) => v.kind !== "percent" || v.value <= 100, { ...withMessage("percent_out_of_range"), path: ["value"] })
  .refine((v) => v.kind !== "fixed" || isRupiah(v.value), { ...withMessage("rupiah_invalid"), path: ["value"] })
  .refine((v) => v.validFrom === null || v.validUntil === null || v.validFrom < v.validUntil, {
    ...withMessage("window_invalid"),
    path: ["validUntil"],
  });
export type DiscountCode = z.infer<typeof discountCodeSchema>;

/**
 * "What would this code take off?" before booking: the code, the duration, and the provider whose price it applies
 * to (neither = the standard price of a search for the best available therapist).
 */
export const discountQuoteInputSchema = z.object({
  code: discountCodeInputSchema,
  duration: durationSchema,
  therapistId: idSchema.nullish().transform((v) => v ?? null),
  placeId: idSchema.nullish().transform((v) => v ?? null),
});
export type DiscountQuoteInput = z.infer<typeof discountQuoteInputSchema>;
