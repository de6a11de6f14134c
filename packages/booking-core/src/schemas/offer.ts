// An offer: one therapist asked to take one booking until a deadline. A therapist is offered a booking at most once
// (the database enforces it with a unique (bookingId, therapistId) index; the lifecycle never asks it to).
import * as z from "zod";
import { bookingIdSchema, idSchema, utcDateTimeSchema } from "./common";

export const offerStatuses = ["pending", "accepted", "declined", "expired", "withdrawn"] as const;
export const offerStatusSchema = z.enum(offerStatuses);
export type OfferStatus = z.infer<typeof offerStatusSchema>;

export const declineReasons = ["busy", "too_far", "off_duty", "service_not_offered", "other"] as const;
export const declineReasonSchema = z.enum(declineReasons);
export type DeclineReason = z.infer<typeof declineReasonSchema>;

/** The most offers one booking can make (offer ids are `<bookingId>_<attempt>`, ≤ 36 chars). */
export const MAX_OFFERS_PER_BOOKING = 99;

export const offerSchema = z.object({
  id: idSchema,
  bookingId: bookingIdSchema,
  therapistId: idSchema,
  attempt: z.number().int().min(1).max(MAX_OFFERS_PER_BOOKING),
  status: offerStatusSchema,
  /**
   * True when the therapist was chosen by dispatch: after they accept, the customer still accepts or asks for another
   * (status therapist_found). False when the customer (or support on their behalf) asked for this therapist: accepting
   * confirms the booking.
   */
  requiresCustomerApproval: z.boolean().default(true),
  expiresAt: utcDateTimeSchema,
  respondedAt: utcDateTimeSchema.nullable(),
  declineReason: declineReasonSchema.nullable(),
  createdAt: utcDateTimeSchema,
});
export type Offer = z.infer<typeof offerSchema>;

/** The id of a booking's n-th offer. Deterministic, so two writers creating the same offer collide instead of both succeeding. */
export function offerIdFor(bookingId: string, attempt: number): string {
  return `${bookingId}_${attempt}`;
}
