import { personNameSchema } from "@tenang/booking-core/schemas/person";
import { z } from "zod";

/** The payout bank account form, and the body of PUT /api/bank-details. */
export const bankDetailsInputSchema = z.object({
  bankName: z.string().trim().min(2).max(60),
  accountName: personNameSchema,
  // Indonesian account numbers are 10–16 digits; people type them with spaces or dashes.
  accountNumber: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6,20}$/)),
});
export type BankDetailsInput = z.output<typeof bankDetailsInputSchema>;
