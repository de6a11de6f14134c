import { respondToOfferInputSchema } from "@tenang/booking-core/schemas/booking-actions";

/**
 * The body of POST /api/offers/[id]/accept and /decline: booking-core's answer schema without `expectedVersion` (and
 * with the offer and the answer taken from the path). An offer answer needs no version: the offer id names exactly
 * one attempt of one booking, and the engine re-checks that this attempt is still open inside its transaction, so
 * a stale screen can only ever produce "no longer available".
 */
export const offerAnswerBodySchema = respondToOfferInputSchema.omit({
  expectedVersion: true,
  offerId: true,
  response: true,
});
