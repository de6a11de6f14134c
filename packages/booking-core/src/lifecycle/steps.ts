// The building blocks that transitions and openBooking share: a step (patch + effects), making the next offer,
// confirming, expiring, and the messages and notifications they post. Internal to the lifecycle folder.
import { createCommissionRecord } from "../commission";
import { dispatchRequestFor, pickNextTherapist } from "../dispatch";
import type { Effect, Recipient } from "../effects";
import { DomainError } from "../errors";
import { type Commitment, findOverlap } from "../schedule";
import type { Booking, ExpiryReason } from "../schemas/booking";
import { type Offer, offerIdFor } from "../schemas/offer";
import type { SystemMessage } from "../system-messages";
import { toIso, toMs } from "../time";
import type { LifecycleConfig } from "./config";
import type { NextOfferInputs } from "./events";

export type Patch = Partial<Booking>;
export interface Step {
  patch: Patch;
  effects: Effect[];
}

export interface Ctx {
  booking: Booking;
  now: number;
  at: string;
  config: LifecycleConfig;
}

export const fail = (code: DomainError["code"], message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError(code, message, { details });

export const customerOf = (b: Booking): Recipient => ({ role: "customer", customerId: b.customerId });
export const message = (b: Booking, m: SystemMessage): Effect => ({
  type: "post_system_message",
  bookingId: b.id,
  message: m,
});
export const notifyCustomer = (
  b: Booking,
  key: "therapist_found" | "booking_confirmed" | "booking_cancelled" | "booking_expired" | "status_update",
): Effect => ({
  type: "notify",
  to: customerOf(b),
  bookingId: b.id,
  notification: { key, params: {} },
});
export const notifyTherapist = (
  b: Booking,
  therapistId: string,
  key: "offer_withdrawn" | "customer_confirmed" | "customer_chose_another" | "booking_cancelled",
): Effect => ({
  type: "notify",
  to: { role: "therapist", therapistId },
  bookingId: b.id,
  notification: { key, params: {} },
});

/** The therapist of the latest offer (the open one while searching, the held one in therapist_found). */
export function lastOffered(b: Booking): string | undefined {
  return b.offeredTherapistIds.at(-1);
}

/** A deadline that is set and reached; a missing deadline never passes. */
export function isPast(deadline: string | null, now: number): boolean {
  return deadline !== null && now >= toMs(deadline);
}

/** Withdraws the open offer, if there is one. */
export function withdrawOpenOffer(b: Booking, at: string): Effect[] {
  if (b.currentOfferId === null) return [];
  // An open offer is always the latest one (invariant), so its therapist is the last offered.
  const therapistId = lastOffered(b) as string;
  return [
    { type: "close_offer", offerId: b.currentOfferId, therapistId, status: "withdrawn", at, declineReason: null },
  ];
}

export const expiryMessages: Record<ExpiryReason, SystemMessage["key"]> = {
  no_therapist_available: "expired_no_therapist",
  max_attempts: "expired_no_therapist",
  response_deadline: "expired_no_response",
  provider_declined: "expired_provider_declined",
  customer_no_response: "expired_customer_no_response",
};

export function expire(b: Booking, reason: ExpiryReason): Step {
  return {
    patch: {
      status: "expired",
      expiryReason: reason,
      currentOfferId: null,
      offerExpiresAt: null,
      customerDecisionDeadline: null,
    },
    effects: [
      message(b, { key: expiryMessages[reason], params: {} } as SystemMessage),
      notifyCustomer(b, "booking_expired"),
    ],
  };
}

export function offerExpiry(b: Booking, ctx: Ctx): string {
  const { now, config } = ctx;
  if (b.kind === "immediate") return toIso(now + config.offerWindowMs);
  // Scheduled bookings always have a response deadline; an offer never outlives it (unless support reassigns later).
  const deadline = toMs(b.responseDeadline as string);
  const end = now + config.scheduledOfferWindowMs;
  return toIso(deadline > now ? Math.min(end, deadline) : end);
}

/** Offers the booking to `therapistId` as attempt n+1. */
export function makeOffer(b: Booking, therapistId: string, ctx: Ctx): Step {
  const attempt = b.attempt + 1;
  const expiresAt = offerExpiry(b, ctx);
  const offer: Offer = {
    id: offerIdFor(b.id, attempt),
    bookingId: b.id,
    therapistId,
    attempt,
    status: "pending",
    requiresCustomerApproval: therapistId !== b.requestedTherapistId,
    expiresAt,
    respondedAt: null,
    declineReason: null,
    createdAt: ctx.at,
  };
  return {
    patch: {
      status: "searching",
      therapistId: null,
      attempt,
      offeredTherapistIds: [...b.offeredTherapistIds, therapistId],
      currentOfferId: offer.id,
      offerExpiresAt: expiresAt,
      customerDecisionDeadline: null,
    },
    effects: [
      { type: "create_offer", offer },
      {
        type: "notify",
        to: { role: "therapist", therapistId },
        bookingId: b.id,
        notification: { key: "new_offer", params: { duration: b.duration, amount: b.amount, expiresAt } },
      },
      { type: "schedule_check", bookingId: b.id, at: expiresAt, check: { kind: "offer_timeout", offerId: offer.id } },
    ],
  };
}

/** Auto-retry: the next-ranked therapist gets an offer, or the booking expires. `b` already has the closing patch. */
export function offerNext(b: Booking, inputs: NextOfferInputs, ctx: Ctx, intro: SystemMessage | null): Step {
  if (isPast(b.responseDeadline, ctx.now)) return expire(b, "response_deadline");
  if (b.attempt >= b.maxAttempts) return expire(b, "max_attempts");
  const pick = pickNextTherapist(
    dispatchRequestFor(b),
    inputs.candidates,
    ctx.now,
    ctx.config.dispatch,
    inputs.commitments,
  );
  if (pick === null) return expire(b, "no_therapist_available");
  const step = makeOffer(b, pick.therapist.id, ctx);
  if (intro) step.effects.unshift(message(b, intro));
  return step;
}

export function confirmedMessage(b: Booking): SystemMessage {
  if (b.kind === "scheduled") return { key: "confirmed_scheduled", params: { scheduledFor: b.scheduledFor as string } };
  return b.providerType === "place"
    ? { key: "confirmed_place", params: {} }
    : { key: "confirmed_immediate", params: {} };
}

/** Confirms `b` (whose patch already assigns the provider): commission record, chat active, everyone told. */
export function confirm(b: Booking, ctx: Ctx, commitments: readonly Commitment[]): Step | DomainError {
  if (b.providerType === "therapist") {
    const clash = findOverlap(
      { ...b, status: "confirmed", confirmedAt: ctx.at },
      commitments,
      ctx.now,
      ctx.config.dispatch.schedule,
    );
    if (clash !== null) {
      return fail("overlapping_booking", "the therapist already holds a booking at that time", { bookingId: clash.id });
    }
  }
  const confirmed: Booking = { ...b, status: "confirmed", confirmedAt: ctx.at, commissionId: b.id };
  const record = createCommissionRecord(confirmed, ctx.now);
  return {
    patch: {
      status: "confirmed",
      confirmedAt: ctx.at,
      commissionId: record.id,
      currentOfferId: null,
      offerExpiresAt: null,
      customerDecisionDeadline: null,
    },
    effects: [
      { type: "create_commission_record", record },
      message(b, confirmedMessage(b)),
      notifyCustomer(b, "booking_confirmed"),
    ],
  };
}
