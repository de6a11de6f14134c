// Bodies of the route handlers that move a booking. Each names the version it read (expectedVersion), so a request
// built from a stale screen fails with version_conflict instead of overwriting someone else's change.
import * as z from "zod";
import { idSchema } from "./common";
import { cancelReasonSchema } from "./booking";
import { declineReasonSchema } from "./offer";

const expectedVersion = z.number().int().min(1);

/** Therapist answers an offer (or a spa answers a request, with offerId null). */
export const respondToOfferInputSchema = z.object({
  expectedVersion,
  offerId: idSchema.nullable(),
  response: z.enum(["accept", "decline"]),
  declineReason: declineReasonSchema.nullish().transform((v) => v ?? null),
});
export type RespondToOfferInput = z.infer<typeof respondToOfferInputSchema>;

/** Customer's answer in therapist_found: Accept therapist, or Find another. */
export const customerDecisionInputSchema = z.object({
  expectedVersion,
  decision: z.enum(["accept", "find_another"]),
});
export type CustomerDecisionInput = z.infer<typeof customerDecisionInputSchema>;

/** Provider's progress updates. */
export const providerStatusInputSchema = z.discriminatedUnion("status", [
  z.object({
    expectedVersion,
    status: z.literal("on_the_way"),
    etaMinutes: z.number().int().min(1).max(180).nullish(),
  }),
  z.object({ expectedVersion, status: z.literal("delayed"), delayMinutes: z.number().int().min(5).max(180) }),
  z.object({ expectedVersion, status: z.literal("arrived") }),
  z.object({ expectedVersion, status: z.literal("in_progress") }),
  z.object({ expectedVersion, status: z.literal("completed") }),
]);
export type ProviderStatusInput = z.infer<typeof providerStatusInputSchema>;

export const cancelBookingInputSchema = z.object({ expectedVersion, reason: cancelReasonSchema });
export type CancelBookingInput = z.infer<typeof cancelBookingInputSchema>;

/** Support assigns a specific therapist (the customer agreed to them, so accepting confirms). */
export const reassignBookingInputSchema = z.object({ expectedVersion, therapistId: idSchema });
export type ReassignBookingInput = z.infer<typeof reassignBookingInputSchema>;
