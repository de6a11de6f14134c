import "server-only";
// A therapist accepts or declines an offer. Accepting a dispatched offer holds the therapist for the customer's
// decision (therapist_found); accepting the requested therapist's offer confirms at once. Declining asks the next
// therapist. If the customer cancelled, the offer ran out, or it was reassigned a moment earlier, the answer is
// no_longer_available and nothing changes (the racing writer's transaction won; ours committed nothing).
import { DomainError } from "@tenang/booking-core/errors";
import type { DeclineReason } from "@tenang/booking-core/schemas/offer";
import { loadCommitments } from "../shared/booking-repository";
import { changeBooking } from "./booking-engine";
import { loadDispatchInputs } from "./dispatch-inputs";
import type { BookingServerContext } from "../context";
import { findOffer } from "../offers/offer-repository";

export interface RespondToOfferArgs {
  therapistId: string;
  offerId: string;
  response: "accept" | "decline";
  reason?: DeclineReason | null;
}

const GONE = ["no_longer_available", "invalid_transition", "version_conflict"];

export async function respondToOffer(
  ctx: BookingServerContext,
  args: RespondToOfferArgs,
): Promise<{ outcome: "accepted" | "declined" }> {
  const offer = await findOffer(ctx, args.offerId);
  if (!offer || offer.therapistId !== args.therapistId) throw new DomainError("not_found", "offer not found");
  if (offer.status !== "pending") throw new DomainError("no_longer_available", `the offer is ${offer.status}`);
  const actor = { role: "therapist" as const, therapistId: args.therapistId };
  try {
    await changeBooking(ctx, {
      bookingId: offer.bookingId,
      // Another writer first: read again, and booking-core says whether this offer is still open.
      onMoved: "retry",
      buildEvent: async ({ booking }, therapists) => {
        if (args.response === "accept") {
          const commitments = (await loadCommitments(ctx, [args.therapistId]))[args.therapistId] ?? [];
          return { type: "accept_offer", expectedVersion: booking.version, actor, offerId: offer.id, commitments };
        }
        const inputs = await loadDispatchInputs(ctx, booking, ctx.clock(), therapists);
        return {
          type: "decline_offer",
          expectedVersion: booking.version,
          actor,
          offerId: offer.id,
          reason: args.reason ?? null,
          ...inputs,
        };
      },
    });
  } catch (error) {
    if (error instanceof DomainError && GONE.includes(error.code)) {
      throw new DomainError("no_longer_available", "this offer is no longer available", { details: error.details });
    }
    throw error;
  }
  return { outcome: args.response === "accept" ? "accepted" : "declined" };
}
