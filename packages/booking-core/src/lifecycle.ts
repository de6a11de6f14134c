// The booking lifecycle as a state machine: createBooking opens a booking, transition(booking, event, now) moves it.
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
// offerExpiresAt and times out from offerExpiresAt on, so an acceptance and a timeout can never both be valid.
import { createCommissionRecord } from "./commission";
import {
  type CommitmentsByTherapist,
  type DispatchConfig,
  defaultDispatchConfig,
  dispatchRequestFor,
  pickNextTherapist,
} from "./dispatch";
import type { Effect, Recipient } from "./effects";
import { DomainError } from "./errors";
import { applyDiscount } from "./discount";
import { DEFAULT_STANDARD_PRICES, type Duration, priceFor } from "./prices";
import { paymentDueAt } from "./revenue";
import { type Commitment, checkSlot, findOverlap, fitsWorkingHours } from "./schedule";
import {
  type ActorRole,
  type Booking,
  type BookingStatus,
  type CancelReason,
  type CreateBookingInput,
  type ExpiryReason,
  isCancelReasonFor,
  terminalStatuses,
} from "./schemas/booking";
import { bookingIdSchema } from "./schemas/common";
import type { DiscountCode } from "./schemas/discount-code";
import { BALI_BOUNDS, type Bounds, isWithinServiceArea } from "./schemas/location";
import { type DeclineReason, MAX_OFFERS_PER_BOOKING, type Offer, offerIdFor } from "./schemas/offer";
import type { Place } from "./schemas/place";
import type { Therapist } from "./schemas/therapist";
import type { SystemMessage } from "./system-messages";
import { DAY_MS, HOUR_MS, MINUTE_MS, toIso, toMs } from "./time";

export interface LifecycleConfig {
  /** How long a therapist has to answer an offer for an immediate booking. */
  offerWindowMs: number;
  /** …for a scheduled booking (never past its response deadline). */
  scheduledOfferWindowMs: number;
  /** How long a spa has to answer an immediate booking. */
  placeResponseWindowMs: number;
  /** A scheduled booking's search ends this long after it was made… */
  scheduledResponseWindowMs: number;
  /** …or this long before the session, whichever is earlier. */
  responseLeadMs: number;
  /** How long the customer has to accept a dispatched therapist (immediate). */
  customerDecisionWindowMs: number;
  /** …for a scheduled booking. */
  scheduledCustomerDecisionWindowMs: number;
  /** Offers before giving up (stored per booking as maxAttempts). */
  maxAttempts: number;
  /** Scheduled visits may be cancelled free of charge until this long before the start. */
  freeCancellationLeadMs: number;
  /** A customer may rate a completed booking for this long after completion (rating.ts). */
  ratingWindowMs: number;
  /** Scheduled bookings a customer may have open at once (booking-limits.ts). */
  maxUpcomingScheduledBookings: number;
  /** Prices for a search with no chosen provider. */
  standardPrices: Readonly<Record<Duration, number>>;
  serviceArea: Bounds;
  dispatch: DispatchConfig;
}

export const defaultLifecycleConfig: LifecycleConfig = {
  offerWindowMs: 60_000,
  scheduledOfferWindowMs: 30 * MINUTE_MS,
  placeResponseWindowMs: 15 * MINUTE_MS,
  scheduledResponseWindowMs: 3 * HOUR_MS,
  responseLeadMs: HOUR_MS,
  customerDecisionWindowMs: 5 * MINUTE_MS,
  scheduledCustomerDecisionWindowMs: HOUR_MS,
  maxAttempts: 5,
  freeCancellationLeadMs: 4 * HOUR_MS,
  ratingWindowMs: 7 * DAY_MS,
  maxUpcomingScheduledBookings: 3,
  standardPrices: DEFAULT_STANDARD_PRICES,
  serviceArea: BALI_BOUNDS,
  dispatch: defaultDispatchConfig,
};

/** Who is acting. Route handlers build this from the session, never from the request body. */
export type Actor =
  | { role: "customer"; customerId: string }
  | { role: "therapist"; therapistId: string }
  | { role: "place"; placeId: string }
  | { role: "admin"; adminId: string }
  | { role: "system" };

interface EventBase {
  /** The booking version this event was computed from. */
  expectedVersion: number;
  actor: Actor;
}

/** The therapists who could take the next offer (the caller's snapshot), and their other bookings. */
interface NextOfferInputs {
  candidates: readonly Therapist[];
  commitments?: CommitmentsByTherapist;
}

export type BookingEvent =
  /** The offered therapist (offerId) or the booked spa (offerId null) accepts. `commitments`: their other bookings. */
  | (EventBase & { type: "accept_offer"; offerId: string | null; commitments: readonly Commitment[] })
  | (EventBase & NextOfferInputs & { type: "decline_offer"; offerId: string | null; reason: DeclineReason | null })
  | (EventBase & NextOfferInputs & { type: "offer_timed_out"; offerId: string })
  /** The customer accepts the therapist shown in therapist_found. */
  | (EventBase & { type: "accept_therapist"; commitments: readonly Commitment[] })
  | (EventBase & NextOfferInputs & { type: "find_another" })
  | (EventBase & { type: "decision_timed_out" })
  | (EventBase & { type: "response_deadline_passed" })
  /** Support assigns a therapist the customer agreed to. */
  | (EventBase & { type: "reassign"; therapistId: string })
  | (EventBase & { type: "depart"; etaMinutes: number | null })
  | (EventBase & { type: "report_delay"; delayMinutes: number })
  | (EventBase & { type: "arrive" })
  | (EventBase & { type: "start" })
  | (EventBase & { type: "complete" })
  | (EventBase & { type: "cancel"; reason: CancelReason });

export type BookingEventType = BookingEvent["type"];

export interface TransitionResult {
  booking: Booking;
  effects: Effect[];
}

const TERMINAL: readonly BookingStatus[] = terminalStatuses;
export function isTerminal(status: BookingStatus): boolean {
  return TERMINAL.includes(status);
}

/** Statuses in which the booking occupies its therapist right now (immediate from acceptance; scheduled from departure). */
export function holdsTherapist(booking: Pick<Booking, "providerType" | "therapistId" | "kind" | "status">): boolean {
  if (booking.providerType !== "therapist" || booking.therapistId === null) return false;
  const from: readonly BookingStatus[] =
    booking.kind === "immediate"
      ? ["therapist_found", "confirmed", "on_the_way", "arrived", "in_progress"]
      : ["on_the_way", "arrived", "in_progress"];
  return from.includes(booking.status);
}

/** Whether cancelling now costs nothing: scheduled until 4 h before the start, immediate until confirmed. */
export function isFreeCancellation(
  booking: Pick<Booking, "kind" | "status" | "scheduledFor">,
  now: Date | number,
  config: LifecycleConfig = defaultLifecycleConfig,
): boolean {
  if (booking.scheduledFor !== null) {
    return toMs(now) <= toMs(booking.scheduledFor) - config.freeCancellationLeadMs;
  }
  return booking.status === "searching" || booking.status === "therapist_found";
}

// ---------------------------------------------------------------------------------------------------------------

type Patch = Partial<Booking>;
interface Step {
  patch: Patch;
  effects: Effect[];
}

interface Ctx {
  booking: Booking;
  now: number;
  at: string;
  config: LifecycleConfig;
}

const fail = (code: DomainError["code"], message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError(code, message, { details });

const customerOf = (b: Booking): Recipient => ({ role: "customer", customerId: b.customerId });
const message = (b: Booking, m: SystemMessage): Effect => ({
  type: "post_system_message",
  bookingId: b.id,
  message: m,
});
const notifyCustomer = (
  b: Booking,
  key: "therapist_found" | "booking_confirmed" | "booking_cancelled" | "booking_expired" | "status_update",
): Effect => ({
  type: "notify",
  to: customerOf(b),
  bookingId: b.id,
  notification: { key, params: {} },
});
const notifyTherapist = (
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
function lastOffered(b: Booking): string | undefined {
  return b.offeredTherapistIds.at(-1);
}

/** A deadline that is set and reached; a missing deadline never passes. */
function isPast(deadline: string | null, now: number): boolean {
  return deadline !== null && now >= toMs(deadline);
}

/** Withdraws the open offer, if there is one. */
function withdrawOpenOffer(b: Booking, at: string): Effect[] {
  if (b.currentOfferId === null) return [];
  // An open offer is always the latest one (invariant), so its therapist is the last offered.
  const therapistId = lastOffered(b) as string;
  return [
    { type: "close_offer", offerId: b.currentOfferId, therapistId, status: "withdrawn", at, declineReason: null },
  ];
}

const expiryMessages: Record<ExpiryReason, SystemMessage["key"]> = {
  no_therapist_available: "expired_no_therapist",
  max_attempts: "expired_no_therapist",
  response_deadline: "expired_no_response",
  provider_declined: "expired_provider_declined",
  customer_no_response: "expired_customer_no_response",
};

function expire(b: Booking, reason: ExpiryReason): Step {
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

function offerExpiry(b: Booking, ctx: Ctx): string {
  const { now, config } = ctx;
  if (b.kind === "immediate") return toIso(now + config.offerWindowMs);
  // Scheduled bookings always have a response deadline; an offer never outlives it (unless support reassigns later).
  const deadline = toMs(b.responseDeadline as string);
  const end = now + config.scheduledOfferWindowMs;
  return toIso(deadline > now ? Math.min(end, deadline) : end);
}

/** Offers the booking to `therapistId` as attempt n+1. */
function makeOffer(b: Booking, therapistId: string, ctx: Ctx): Step {
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
function offerNext(b: Booking, inputs: NextOfferInputs, ctx: Ctx, intro: SystemMessage | null): Step {
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

function confirmedMessage(b: Booking): SystemMessage {
  if (b.kind === "scheduled") return { key: "confirmed_scheduled", params: { scheduledFor: b.scheduledFor as string } };
  return b.providerType === "place"
    ? { key: "confirmed_place", params: {} }
    : { key: "confirmed_immediate", params: {} };
}

/** Confirms `b` (whose patch already assigns the provider): commission record, chat active, everyone told. */
function confirm(b: Booking, ctx: Ctx, commitments: readonly Commitment[]): Step | DomainError {
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

// ---- Creation ----

export type RequestedProvider = { type: "therapist"; therapist: Therapist } | { type: "place"; place: Place };

export interface CreateBookingArgs {
  /** The new booking's id (≤ 32 chars; e.g. Appwrite's ID.unique()). */
  id: string;
  /** The Appwrite user (a guest's anonymous session user included). */
  customerId: string;
  input: CreateBookingInput;
  /** The therapist the customer picked (input.therapistId) or the spa (input.placeId), loaded by the caller. */
  provider: RequestedProvider | null;
  /** The code named in input.discountCode, loaded by the caller (null if not found), and this customer's redemptions. */
  discount: { code: DiscountCode; customerRedemptions: number } | null;
  candidates: readonly Therapist[];
  commitments?: CommitmentsByTherapist;
  idempotencyKey?: string | null;
  now: Date | number;
  config?: LifecycleConfig;
}

function invalid(path: string, message: string): DomainError {
  return new DomainError("validation_failed", `${path}: ${message}`, { issues: [{ path, message }] });
}

/**
 * Opens a booking: checks provider, price, slot and discount, then makes the first offer (or, for a spa, sends the
 * request). With nobody to offer it to, the booking is created already expired, so the demand is still on record.
 */
export function createBooking(args: CreateBookingArgs): TransitionResult | DomainError {
  const config = args.config ?? defaultLifecycleConfig;
  const { input, provider } = args;
  const now = toMs(args.now);
  const at = toIso(now);
  if (!bookingIdSchema.safeParse(args.id).success) return invalid("id", "not a valid booking id");
  if ((input.kind === "scheduled") !== (input.scheduledFor !== null)) {
    return invalid("scheduledFor", "a scheduled booking has a time and an immediate one has none");
  }
  if (!isWithinServiceArea(input, config.serviceArea)) return invalid("lat", "outside the area we serve");
  const scheduledFor = input.scheduledFor;

  let price: number | null;
  let hours: Therapist["workingHours"] | null = null;
  if (input.providerType === "place") {
    if (provider?.type !== "place" || provider.place.id !== input.placeId) return fail("not_found", "spa not found");
    if (provider.place.isRestricted) return fail("provider_restricted", "this spa is not taking bookings");
    price = priceFor(provider.place, input.duration);
    hours = provider.place.openingHours;
    if (input.massageType !== null && !provider.place.massageTypes.includes(input.massageType)) {
      return invalid("massageType", "not offered by this spa");
    }
    if (scheduledFor === null && !fitsWorkingHours(now, input.duration, hours, config.dispatch.schedule.timeZone)) {
      return new DomainError("slot_unavailable", "the spa is closed now", { details: { problem: "outside_hours" } });
    }
  } else if (input.therapistId !== null) {
    if (provider?.type !== "therapist" || provider.therapist.id !== input.therapistId) {
      return fail("not_found", "therapist not found");
    }
    if (provider.therapist.isRestricted) return fail("provider_restricted", "this therapist is not taking bookings");
    price = priceFor(provider.therapist, input.duration);
    hours = provider.therapist.workingHours;
    if (input.massageType !== null && !provider.therapist.massageTypes.includes(input.massageType)) {
      return invalid("massageType", "not offered by this therapist");
    }
  } else {
    price = config.standardPrices[input.duration];
  }
  if (price === null) return invalid("duration", "this duration is not offered");

  if (scheduledFor !== null) {
    const problem = checkSlot({ scheduledFor, duration: input.duration, now, hours, config: config.dispatch.schedule });
    if (problem) return problem;
  }

  let discountAmount = 0;
  if (input.discountCode !== null) {
    if (args.discount === null || args.discount.code.code !== input.discountCode) {
      return new DomainError("discount_invalid", "unknown discount code", { details: { problem: "not_found" } });
    }
    const applied = applyDiscount(args.discount.code, {
      price,
      now,
      customerRedemptions: args.discount.customerRedemptions,
    });
    if (applied instanceof DomainError) return applied;
    discountAmount = applied.discountAmount;
  }

  let responseDeadline: string | null = null;
  if (scheduledFor !== null) {
    responseDeadline = toIso(
      Math.min(now + config.scheduledResponseWindowMs, toMs(scheduledFor) - config.responseLeadMs),
    );
  } else if (input.providerType === "place") {
    responseDeadline = toIso(now + config.placeResponseWindowMs);
  }

  const booking: Booking = {
    id: args.id,
    version: 1,
    status: "searching",
    source: input.source,
    kind: input.kind,
    customerId: args.customerId,
    customerName: input.customerName,
    customerWhatsapp: input.customerWhatsapp,
    customerLocale: input.locale,
    providerType: input.providerType,
    therapistId: null,
    placeId: input.placeId,
    requestedTherapistId: input.therapistId,
    preferredLanguage: input.preferredLanguage,
    preferredTherapistGender: input.preferredTherapistGender,
    duration: input.duration,
    massageType: input.massageType,
    price,
    discountCode: input.discountCode,
    discountAmount,
    amount: price - discountAmount,
    address: input.address,
    hotelOrVilla: input.hotelOrVilla,
    roomNumber: input.roomNumber,
    lat: input.lat,
    lng: input.lng,
    scheduledFor: input.scheduledFor,
    responseDeadline,
    attempt: 0,
    maxAttempts: config.maxAttempts,
    offeredTherapistIds: [],
    currentOfferId: null,
    offerExpiresAt: null,
    customerDecisionDeadline: null,
    commissionId: null,
    cancelledBy: null,
    cancelReason: null,
    expiryReason: null,
    confirmedAt: null,
    completedAt: null,
    idempotencyKey: args.idempotencyKey ?? null,
    createdAt: at,
    updatedAt: at,
  };

  const effects: Effect[] = [];
  if (input.discountCode !== null) {
    effects.push({
      type: "redeem_discount_code",
      code: input.discountCode,
      customerId: args.customerId,
      bookingId: args.id,
    });
  }
  const intro: SystemMessage =
    scheduledFor !== null
      ? { key: "scheduled_request_sent", params: { scheduledFor, respondBy: responseDeadline as string } }
      : booking.providerType === "place"
        ? { key: "request_sent", params: {} }
        : { key: "searching", params: {} };
  effects.push(message(booking, intro));

  let step: Step;
  if (booking.providerType === "place") {
    // A spa is asked directly (it has rooms, not a dispatch queue); its answer is due by the response deadline.
    const notification = {
      key: "new_offer",
      params: { duration: booking.duration, amount: booking.amount, expiresAt: responseDeadline as string },
    } as const;
    step = {
      patch: {},
      effects: [
        {
          type: "notify",
          to: { role: "place", placeId: input.placeId as string },
          bookingId: booking.id,
          notification,
        },
      ],
    };
  } else {
    step = offerNext(booking, args, { booking, now, at, config }, null);
  }
  const created: Booking = { ...booking, ...step.patch };
  effects.push(...step.effects);
  if (created.status === "searching" && responseDeadline !== null) {
    effects.push({
      type: "schedule_check",
      bookingId: booking.id,
      at: responseDeadline,
      check: { kind: "response_deadline" },
    });
  }
  return { booking: created, effects };
}

// ---- Invariants (what "a valid booking" means beyond its schema; the property tests hold every state to them) ----

/** Every way `b` breaks the lifecycle's invariants; empty for a valid booking. */
export function bookingInvariantViolations(b: Booking): string[] {
  const v: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) v.push(what);
  };
  const assigned: readonly BookingStatus[] = ["confirmed", "on_the_way", "arrived", "in_progress", "completed"];
  check(b.amount === b.price - b.discountAmount && b.discountAmount <= b.price, "amount = price − discount");
  check(new Set(b.offeredTherapistIds).size === b.offeredTherapistIds.length, "no therapist offered twice");
  check(b.attempt === b.offeredTherapistIds.length, "one offer per attempt");
  check((b.kind === "scheduled") === (b.scheduledFor !== null), "scheduled ⇔ scheduledFor");
  check((b.providerType === "place") === (b.placeId !== null), "spa booking ⇔ placeId");
  check(b.providerType === "therapist" || (b.therapistId === null && b.attempt === 0), "spa bookings make no offers");
  check(b.therapistId === null || b.offeredTherapistIds.includes(b.therapistId), "assigned therapist was offered");
  if (b.status === "searching" && b.providerType === "therapist") {
    check(b.attempt >= 1 && b.currentOfferId === offerIdFor(b.id, b.attempt), "searching has the latest offer open");
    check(b.offerExpiresAt !== null && b.therapistId === null, "searching: deadline, nobody assigned");
  } else {
    check(b.currentOfferId === null && b.offerExpiresAt === null, "no open offer outside searching");
  }
  if (b.status === "searching" && b.providerType === "place")
    check(b.responseDeadline !== null, "spa request has a deadline");
  check(
    (b.status === "therapist_found") === (b.customerDecisionDeadline !== null),
    "decision deadline ⇔ therapist_found",
  );
  if (b.status === "therapist_found") check(b.therapistId === lastOffered(b), "therapist_found holds the last offered");
  if (assigned.includes(b.status)) {
    check(b.confirmedAt !== null && b.commissionId !== null, "confirmed bookings have a commission");
    check(b.providerType === "place" || b.therapistId !== null, "confirmed therapist bookings have a therapist");
  }
  check((b.status === "completed") === (b.completedAt !== null), "completedAt ⇔ completed");
  check(
    (b.status === "cancelled") === (b.cancelledBy !== null && b.cancelReason !== null),
    "cancel fields ⇔ cancelled",
  );
  check((b.status === "expired") === (b.expiryReason !== null), "expiryReason ⇔ expired");
  check(b.version >= 1 && toMs(b.updatedAt) >= toMs(b.createdAt), "version and timestamps");
  return v;
}
