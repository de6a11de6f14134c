// The booking lifecycle as a state machine: openBooking (open-booking.ts) opens a booking, transition(booking, event, now) moves it.
// Both are pure: they return the next booking and the effects to carry out (offers, system messages, commission
// records, busy/available, notifications, deadline checks), or a DomainError. Time is always the `now` argument.
//
//   searching ──accept_offer (dispatched therapist)──▶ therapist_found ──accept_therapist──▶ confirmed
//   searching ──accept_offer (requested therapist, spa)────────────────────────────────────▶ confirmed
//   searching ──decline_offer / offer_timed_out──▶ searching (next therapist) │ expired
//   therapist_found ──find_another──▶ searching │ expired      therapist_found ──decision_timed_out──▶ expired
//   searching ──response_deadline_passed──▶ expired
//   confirmed ──depart──▶ on_the_way ──arrive──▶ arrived ──start──▶ in_progress ──complete──▶ completed
//   any non-terminal ──cancel──▶ cancelled          searching … on_the_way ──reassign (admin)──▶ searching
//
// Concurrency: every booking has a version; every event names the version it was computed from (expectedVersion).
// A mismatch is version_conflict, so of two writers racing from the same version exactly one wins (the repository
// must write with the same check). Deadlines are decided by `now` alone: an offer is acceptable strictly before
import type { Effect } from "../effects";
import { DomainError } from "../errors";
import { paymentDueAt } from "../revenue";
import { type ActorRole, type Booking, type BookingStatus, isCancelReasonFor } from "../schemas/booking";
import { MAX_OFFERS_PER_BOOKING } from "../schemas/offer";
import type { SystemMessage } from "../system-messages";
import { toIso, toMs } from "../time";
import { type LifecycleConfig, defaultLifecycleConfig } from "./config";
import type { Actor, BookingEvent, TransitionResult } from "./events";
import { holdsTherapist, isTerminal } from "./status";
import {
  type Ctx,
  type Step,
  confirm,
  expire,
  fail,
  isPast,
  lastOffered,
  makeOffer,
  message,
  notifyCustomer,
  notifyTherapist,
  offerNext,
  withdrawOpenOffer,
} from "./steps";

function isCustomer(b: Booking, actor: Actor): boolean {
  return actor.role === "customer" && actor.customerId === b.customerId;
}

/** Whether `actor` is the provider holding (or, for a spa, named by) the booking. */
function isAssignedProvider(b: Booking, actor: Actor): boolean {
  if (actor.role === "therapist") return b.providerType === "therapist" && b.therapistId === actor.therapistId;
  if (actor.role === "place") return b.providerType === "place" && b.placeId === actor.placeId;
  return false;
}

const notAllowed = (b: Booking, event: BookingEvent): DomainError =>
  fail("invalid_transition", `cannot ${event.type} a booking that is ${b.status}`, {
    status: b.status,
    event: event.type,
  });
const forbidden = (event: BookingEvent): DomainError =>
  fail("forbidden", `${event.actor.role} may not ${event.type} this booking`, { event: event.type });

// ---- Handlers, one per event. Each returns the patch and effects, or an error. ----

function onAcceptOffer(b: Booking, e: Extract<BookingEvent, { type: "accept_offer" }>, ctx: Ctx): Step | DomainError {
  if (b.status !== "searching") return notAllowed(b, e);
  if (b.providerType === "place") {
    if (!isAssignedProvider(b, e.actor)) return forbidden(e);
    if (isPast(b.responseDeadline, ctx.now)) return fail("no_longer_available", "the response deadline has passed");
    return confirm(b, ctx, e.commitments);
  }
  if (e.offerId !== b.currentOfferId) return fail("no_longer_available", "that offer is closed");
  const offerId = b.currentOfferId as string;
  const therapistId = lastOffered(b) as string;
  if (e.actor.role !== "therapist" || e.actor.therapistId !== therapistId) return forbidden(e);
  if (isPast(b.offerExpiresAt, ctx.now)) return fail("no_longer_available", "the offer has expired");
  const closing: Effect[] = [
    { type: "close_offer", offerId, therapistId, status: "accepted", at: ctx.at, declineReason: null },
    { type: "reset_missed_offers", therapistId },
  ];
  const held: Booking = { ...b, therapistId };
  if (therapistId === b.requestedTherapistId) {
    const step = confirm(held, ctx, e.commitments);
    if (step instanceof DomainError) return step;
    return { patch: { therapistId, ...step.patch }, effects: [...closing, ...step.effects] };
  }
  const deadline = toIso(
    ctx.now +
      (b.kind === "immediate" ? ctx.config.customerDecisionWindowMs : ctx.config.scheduledCustomerDecisionWindowMs),
  );
  return {
    patch: {
      status: "therapist_found",
      therapistId,
      currentOfferId: null,
      offerExpiresAt: null,
      customerDecisionDeadline: deadline,
    },
    effects: [
      ...closing,
      message(b, { key: "therapist_found", params: {} }),
      notifyCustomer(b, "therapist_found"),
      { type: "schedule_check", bookingId: b.id, at: deadline, check: { kind: "decision_timeout" } },
    ],
  };
}

function onDeclineOffer(b: Booking, e: Extract<BookingEvent, { type: "decline_offer" }>, ctx: Ctx): Step | DomainError {
  if (b.status !== "searching") return notAllowed(b, e);
  if (b.providerType === "place") {
    if (!isAssignedProvider(b, e.actor)) return forbidden(e);
    return expire(b, "provider_declined");
  }
  if (e.offerId !== b.currentOfferId) return fail("no_longer_available", "that offer is closed");
  const offerId = b.currentOfferId as string;
  const therapistId = lastOffered(b) as string;
  if (e.actor.role !== "therapist" || e.actor.therapistId !== therapistId) return forbidden(e);
  const closing: Effect = {
    type: "close_offer",
    offerId,
    therapistId,
    status: "declined",
    at: ctx.at,
    declineReason: e.reason,
  };
  const next = offerNext({ ...b, currentOfferId: null }, e, ctx, { key: "searching_again", params: {} });
  return { patch: { currentOfferId: null, offerExpiresAt: null, ...next.patch }, effects: [closing, ...next.effects] };
}

function onOfferTimedOut(
  b: Booking,
  e: Extract<BookingEvent, { type: "offer_timed_out" }>,
  ctx: Ctx,
): Step | DomainError {
  if (e.actor.role !== "system") return forbidden(e);
  if (b.status !== "searching" || b.providerType === "place") return notAllowed(b, e);
  if (e.offerId !== b.currentOfferId) return fail("no_longer_available", "that offer is closed");
  if (!isPast(b.offerExpiresAt, ctx.now)) {
    return fail("invalid_transition", "the offer has not expired yet", { offerExpiresAt: b.offerExpiresAt });
  }
  const therapistId = lastOffered(b) as string;
  const closing: Effect[] = [
    { type: "close_offer", offerId: e.offerId, therapistId, status: "expired", at: ctx.at, declineReason: null },
    { type: "record_missed_offer", therapistId },
  ];
  const next = offerNext({ ...b, currentOfferId: null }, e, ctx, { key: "searching_again", params: {} });
  return {
    patch: { currentOfferId: null, offerExpiresAt: null, ...next.patch },
    effects: [...closing, ...next.effects],
  };
}

function onAcceptTherapist(
  b: Booking,
  e: Extract<BookingEvent, { type: "accept_therapist" }>,
  ctx: Ctx,
): Step | DomainError {
  if (b.status !== "therapist_found") return notAllowed(b, e);
  if (!isCustomer(b, e.actor)) return forbidden(e);
  if (isPast(b.customerDecisionDeadline, ctx.now)) {
    return fail("no_longer_available", "the therapist is no longer held for you");
  }
  const step = confirm(b, ctx, e.commitments);
  if (step instanceof DomainError) return step;
  step.effects.push(notifyTherapist(b, b.therapistId as string, "customer_confirmed"));
  return step;
}

function onFindAnother(b: Booking, e: Extract<BookingEvent, { type: "find_another" }>, ctx: Ctx): Step | DomainError {
  if (b.status !== "therapist_found") return notAllowed(b, e);
  if (!isCustomer(b, e.actor)) return forbidden(e);
  const released = notifyTherapist(b, b.therapistId as string, "customer_chose_another");
  const next = offerNext({ ...b, therapistId: null, customerDecisionDeadline: null }, e, ctx, {
    key: "finding_another",
    params: {},
  });
  return {
    patch: { therapistId: null, customerDecisionDeadline: null, ...next.patch },
    effects: [released, ...next.effects],
  };
}

function onDecisionTimedOut(
  b: Booking,
  e: Extract<BookingEvent, { type: "decision_timed_out" }>,
  ctx: Ctx,
): Step | DomainError {
  if (e.actor.role !== "system") return forbidden(e);
  if (b.status !== "therapist_found") return notAllowed(b, e);
  if (!isPast(b.customerDecisionDeadline, ctx.now)) {
    return fail("invalid_transition", "the customer may still decide", { deadline: b.customerDecisionDeadline });
  }
  const step = expire(b, "customer_no_response");
  step.effects.push(notifyTherapist(b, b.therapistId as string, "offer_withdrawn"));
  return step;
}

function onResponseDeadline(
  b: Booking,
  e: Extract<BookingEvent, { type: "response_deadline_passed" }>,
  ctx: Ctx,
): Step | DomainError {
  if (e.actor.role !== "system") return forbidden(e);
  if (b.status !== "searching") return notAllowed(b, e);
  if (!isPast(b.responseDeadline, ctx.now)) {
    return fail("invalid_transition", "no response deadline has passed", { responseDeadline: b.responseDeadline });
  }
  const step = expire(b, "response_deadline");
  step.effects.unshift(...withdrawOpenOffer(b, ctx.at));
  return step;
}

const REASSIGNABLE: readonly BookingStatus[] = ["searching", "therapist_found", "confirmed", "on_the_way"];

function onReassign(b: Booking, e: Extract<BookingEvent, { type: "reassign" }>, ctx: Ctx): Step | DomainError {
  if (e.actor.role !== "admin") return forbidden(e);
  if (!REASSIGNABLE.includes(b.status) || b.providerType === "place") return notAllowed(b, e);
  if (b.offeredTherapistIds.includes(e.therapistId)) {
    return fail("invalid_transition", "that therapist was already offered this booking", { reason: "already_offered" });
  }
  if (b.attempt >= MAX_OFFERS_PER_BOOKING) {
    return fail("invalid_transition", "this booking has made too many offers", { reason: "too_many_offers" });
  }
  const effects: Effect[] = [...withdrawOpenOffer(b, ctx.at)];
  if (b.therapistId !== null) effects.push(notifyTherapist(b, b.therapistId, "offer_withdrawn"));
  if (b.commissionId !== null) effects.push({ type: "void_commission_record", commissionId: b.commissionId });
  effects.push(message(b, { key: "therapist_reassigned", params: {} }));
  const reset: Booking = {
    ...b,
    requestedTherapistId: e.therapistId,
    therapistId: null,
    confirmedAt: null,
    commissionId: null,
    currentOfferId: null,
  };
  const offer = makeOffer(reset, e.therapistId, ctx);
  return {
    patch: { requestedTherapistId: e.therapistId, confirmedAt: null, commissionId: null, ...offer.patch },
    effects: [...effects, ...offer.effects],
  };
}

function onDepart(b: Booking, e: Extract<BookingEvent, { type: "depart" }>): Step | DomainError {
  if (b.status !== "confirmed" || b.providerType !== "therapist") return notAllowed(b, e);
  if (!isAssignedProvider(b, e.actor)) return forbidden(e);
  return {
    patch: { status: "on_the_way" },
    effects: [
      message(b, { key: "on_the_way", params: { etaMinutes: e.etaMinutes } }),
      notifyCustomer(b, "status_update"),
    ],
  };
}

function onReportDelay(b: Booking, e: Extract<BookingEvent, { type: "report_delay" }>): Step | DomainError {
  if ((b.status !== "confirmed" && b.status !== "on_the_way") || b.providerType !== "therapist")
    return notAllowed(b, e);
  if (!isAssignedProvider(b, e.actor)) return forbidden(e);
  return {
    patch: {},
    effects: [
      message(b, { key: "delayed", params: { delayMinutes: e.delayMinutes } }),
      notifyCustomer(b, "status_update"),
    ],
  };
}

function onArrive(b: Booking, e: Extract<BookingEvent, { type: "arrive" }>): Step | DomainError {
  const from: readonly BookingStatus[] = b.providerType === "place" ? ["confirmed"] : ["confirmed", "on_the_way"];
  if (!from.includes(b.status)) return notAllowed(b, e);
  if (!isAssignedProvider(b, e.actor)) return forbidden(e);
  const key = b.providerType === "place" ? "checked_in" : "arrived";
  return {
    patch: { status: "arrived" },
    effects: [message(b, { key, params: {} }), notifyCustomer(b, "status_update")],
  };
}

function onStart(b: Booking, e: Extract<BookingEvent, { type: "start" }>): Step | DomainError {
  const from: readonly BookingStatus[] = b.providerType === "place" ? ["confirmed", "arrived"] : ["arrived"];
  if (!from.includes(b.status)) return notAllowed(b, e);
  if (!isAssignedProvider(b, e.actor)) return forbidden(e);
  return { patch: { status: "in_progress" }, effects: [message(b, { key: "session_started", params: {} })] };
}

function onComplete(b: Booking, e: Extract<BookingEvent, { type: "complete" }>, ctx: Ctx): Step | DomainError {
  if (b.status !== "in_progress") return notAllowed(b, e);
  if (!isAssignedProvider(b, e.actor) && e.actor.role !== "admin") return forbidden(e);
  // Every booking that reached in_progress was confirmed, so it has a commission record.
  const commissionId = b.commissionId as string;
  return {
    patch: { status: "completed", completedAt: ctx.at },
    effects: [
      { type: "commission_due", commissionId, dueAt: paymentDueAt(ctx.now) },
      message(b, { key: "completed", params: {} }),
      notifyCustomer(b, "status_update"),
    ],
  };
}

function canCancel(b: Booking, actor: Actor): boolean {
  switch (actor.role) {
    case "customer":
      return isCustomer(b, actor);
    case "therapist":
      return isAssignedProvider(b, actor);
    case "place":
      return isAssignedProvider(b, actor) && b.status !== "searching";
    default:
      return true;
  }
}

const cancelMessages: Record<ActorRole, SystemMessage["key"]> = {
  customer: "cancelled_by_customer",
  therapist: "cancelled_by_therapist",
  place: "cancelled_by_place",
  admin: "cancelled_by_admin",
  system: "cancelled_by_system",
};

function onCancel(b: Booking, e: Extract<BookingEvent, { type: "cancel" }>, ctx: Ctx): Step | DomainError {
  if (!canCancel(b, e.actor)) return forbidden(e);
  if (!isCancelReasonFor(e.actor.role, e.reason)) {
    return new DomainError("validation_failed", `a ${e.actor.role} cannot cancel for "${e.reason}"`, {
      issues: [{ path: "reason", message: `not a ${e.actor.role} cancel reason` }],
    });
  }
  const effects: Effect[] = [...withdrawOpenOffer(b, ctx.at)];
  if (b.commissionId !== null) effects.push({ type: "void_commission_record", commissionId: b.commissionId });
  effects.push(message(b, { key: cancelMessages[e.actor.role], params: {} } as SystemMessage));
  // Tell everyone involved except whoever cancelled. An offered (not yet accepted) therapist just sees the offer withdrawn.
  if (e.actor.role !== "customer") effects.push(notifyCustomer(b, "booking_cancelled"));
  if (b.therapistId !== null && e.actor.role !== "therapist")
    effects.push(notifyTherapist(b, b.therapistId, "booking_cancelled"));
  if (b.placeId !== null && b.status !== "searching" && e.actor.role !== "place") {
    effects.push({
      type: "notify",
      to: { role: "place", placeId: b.placeId },
      bookingId: b.id,
      notification: { key: "booking_cancelled", params: {} },
    });
  }
  return {
    patch: {
      status: "cancelled",
      cancelledBy: e.actor.role,
      cancelReason: e.reason,
      currentOfferId: null,
      offerExpiresAt: null,
      customerDecisionDeadline: null,
    },
    effects,
  };
}

function handle(b: Booking, event: BookingEvent, ctx: Ctx): Step | DomainError {
  switch (event.type) {
    case "accept_offer":
      return onAcceptOffer(b, event, ctx);
    case "decline_offer":
      return onDeclineOffer(b, event, ctx);
    case "offer_timed_out":
      return onOfferTimedOut(b, event, ctx);
    case "accept_therapist":
      return onAcceptTherapist(b, event, ctx);
    case "find_another":
      return onFindAnother(b, event, ctx);
    case "decision_timed_out":
      return onDecisionTimedOut(b, event, ctx);
    case "response_deadline_passed":
      return onResponseDeadline(b, event, ctx);
    case "reassign":
      return onReassign(b, event, ctx);
    case "depart":
      return onDepart(b, event);
    case "report_delay":
      return onReportDelay(b, event);
    case "arrive":
      return onArrive(b, event);
    case "start":
      return onStart(b, event);
    case "complete":
      return onComplete(b, event, ctx);
    case "cancel":
      return onCancel(b, event, ctx);
  }
}

/** busy/available effects from the change in who the booking occupies. */
function holdEffects(before: Booking, after: Booking, at: string): Effect[] {
  const wasHeld = holdsTherapist(before) ? before.therapistId : null;
  const isHeld = holdsTherapist(after) ? after.therapistId : null;
  const effects: Effect[] = [];
  if (wasHeld !== null && wasHeld !== isHeld) {
    effects.push({
      type: "set_therapist_available",
      therapistId: wasHeld,
      lastBookingAt: after.status === "completed" ? at : null,
    });
  }
  if (isHeld !== null && isHeld !== wasHeld)
    effects.push({ type: "set_therapist_busy", therapistId: isHeld, bookingId: after.id });
  return effects;
}

/**
 * Applies one event. Returns the next booking (version + 1, updatedAt = now) and the effects to carry out, or a
 * DomainError: version_conflict (someone else moved the booking first), invalid_transition (not possible in this
 * status, including every event on a completed, cancelled or expired booking), forbidden (wrong party),
 * no_longer_available (the offer or hold has closed), overlapping_booking, validation_failed (cancel reason).
 */
export function transition(
  booking: Booking,
  event: BookingEvent,
  now: Date | number,
  config: LifecycleConfig = defaultLifecycleConfig,
): TransitionResult | DomainError {
  if (event.expectedVersion !== booking.version) {
    return fail("version_conflict", `booking is at version ${booking.version}, not ${event.expectedVersion}`, {
      currentVersion: booking.version,
    });
  }
  if (isTerminal(booking.status)) return notAllowed(booking, event);
  const ctx: Ctx = { booking, now: toMs(now), at: toIso(now), config };
  const step = handle(booking, event, ctx);
  if (step instanceof DomainError) return step;
  const next: Booking = { ...booking, ...step.patch, version: booking.version + 1, updatedAt: ctx.at };
  return { booking: next, effects: [...step.effects, ...holdEffects(booking, next, ctx.at)] };
}
