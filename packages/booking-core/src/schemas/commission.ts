// The platform's 30 % of a booking, owed by the provider. Created when a booking is confirmed (`pending`), due 3 h
// after completion (`due`), `overdue` after that (late fee, provider restricted), `paid_pending_review` once the
// provider uploads a transfer proof, `paid` when an admin approves it. `void` when the booking is cancelled before it
// was completed: a void record never counts as revenue. The rules live in commission.ts.
import * as z from "zod";
import { bookingIdSchema, idSchema, providerTypeSchema, rupiahSchema, utcDateTimeSchema } from "./common";

export const commissionStatuses = ["pending", "due", "paid_pending_review", "paid", "overdue", "void"] as const;
export const commissionStatusSchema = z.enum(commissionStatuses);
export type CommissionStatus = z.infer<typeof commissionStatusSchema>;

export const commissionRecordSchema = z
  .object({
    /** One record per booking: the id is the booking id. */
    id: idSchema,
    bookingId: bookingIdSchema,
    providerType: providerTypeSchema.default("therapist"),
    therapistId: idSchema.nullable(),
    placeId: idSchema.nullable().default(null),
    amount: rupiahSchema,
    commission: rupiahSchema,
    payout: rupiahSchema,
    rateBps: z.number().int().min(0).max(10_000).default(3_000),
    status: commissionStatusSchema,
    dueAt: utcDateTimeSchema.nullable(),
    lateFee: rupiahSchema.default(0),
    paidAt: utcDateTimeSchema.nullable(),
    proofFileId: idSchema.nullable(),
    createdAt: utcDateTimeSchema,
    updatedAt: utcDateTimeSchema,
  })
  .refine((r) => r.commission + r.payout === r.amount, { path: ["payout"], message: "commission + payout ≠ amount" });
export type CommissionRecord = z.infer<typeof commissionRecordSchema>;
