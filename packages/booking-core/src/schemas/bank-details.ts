// The bank account a therapist is paid into (the payout form, the body of PUT /api/bank-details, and what is kept in
// the therapist's Appwrite user preferences).
import * as z from "zod";
import { personNameSchema } from "./person";

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
