import { describe, expect, it } from "vitest";
import {
  HOUR,
  MIN,
  NOW,
  T1,
  T2,
  T3,
  TEAM,
  bookingInput,
  created,
  createArgs,
  expectError,
  ok,
  place,
  therapist,
} from "../../test/fixtures";
import type { Effect } from "../effects";
import { defaultLifecycleConfig } from "./config";
import { type Actor, type BookingEvent, type TransitionResult } from "./events";
import { bookingInvariantViolations } from "./invariants";
import { openBooking } from "./open-booking";
import { holdsTherapist, isFreeCancellation, isTerminal } from "./status";
import { transition } from "./transitions";
import { bookingSchema, type Booking } from "../schemas/booking";
import type { DiscountCode } from "../schemas/discount-code";

const customer: Actor = { role: "customer", customerId: "c1" };
const stranger: Actor = { role: "customer", customerId: "c2" };
const system: Actor = { role: "system" };
const admin: Actor = { role: "admin", adminId: "a1" };
const asTherapist = (therapistId: string): Actor => ({ role: "therapist", therapistId });
const asPlace = (placeId: string): Actor => ({ role: "place", placeId });

type EventWithoutVersion = BookingEvent extends infer E
  ? E extends BookingEvent
    ? Omit<E, "expectedVersion">
    : never
  : never;

/** Applies an event at the booking's current version. */
function apply(booking: Booking, event: EventWithoutVersion, now: number) {
  return transition(booking, { ...event, expectedVersion: booking.version } as BookingEvent, now);
}
function step(booking: Booking, event: EventWithoutVersion, now: number): TransitionResult {
  const result = ok(apply(booking, event, now));
  expect(result.booking.version).toBe(booking.version + 1);
  expect(bookingInvariantViolations(result.booking)).toEqual([]);
  bookingSchema.parse(result.booking);
  return result;
}
const types = (effects: Effect[]) => effects.map((e) => e.type);

// ---- Scenario builders ----
const searching = () => created().booking; // offered to t1 at NOW
const accepted = () =>
  step(searching(), { type: "accept_offer", actor: asTherapist("t1"), offerId: "b1_1", commitments: [] }, NOW + 10_000)
    .booking;
const confirmed = () =>
  step(accepted(), { type: "accept_therapist", actor: customer, commitments: [] }, NOW + 20_000).booking;
const onTheWay = () =>
  step(confirmed(), { type: "depart", actor: asTherapist("t1"), etaMinutes: 25 }, NOW + 30_000).booking;
const arrived = () => step(onTheWay(), { type: "arrive", actor: asTherapist("t1") }, NOW + 30 * MIN).booking;
const inProgress = () => step(arrived(), { type: "start", actor: asTherapist("t1") }, NOW + 35 * MIN).booking;
const completed = () => step(inProgress(), { type: "complete", actor: asTherapist("t1") }, NOW + 95 * MIN).booking;

/** 14:00 WITA the next day: a valid scheduled slot. */
const SLOT = "2025-11-23T06:00:00.000Z";
const scheduledInput = () => bookingInput({ source: "scheduled", kind: "scheduled", scheduledFor: SLOT });
const scheduledSearching = () => created({ input: scheduledInput() }).booking;

const placeBooking = (overrides: Parameters<typeof bookingInput>[0] = {}) =>
  created({
    input: bookingInput({ providerType: "place", placeId: "p1", source: "menu", ...overrides }),
    provider: { type: "place", place: place() },
  }).booking;
const placeConfirmed = () =>
  step(placeBooking(), { type: "accept_offer", actor: asPlace("p1"), offerId: null, commitments: [] }, NOW + MIN)
    .booking;

const requestedSearching = () =>
  created({
    input: bookingInput({ therapistId: "t3", source: "direct" }),
    provider: { type: "therapist", therapist: T3 },
  }).booking;

describe("openBooking", () => {
  it("opens an immediate search with an offer to the best-ranked therapist for 60 s", () => {
    const { booking, effects } = created();
    expect(booking).toMatchObject({
      status: "searching",
      version: 1,
      attempt: 1,
      offeredTherapistIds: ["t1"],
      currentOfferId: "b1_1",
      offerExpiresAt: "2025-11-22T02:01:00.000Z",
      price: 250_000,
      amount: 250_000,
      therapistId: null,
      responseDeadline: null,
      idempotencyKey: null,
    });
    expect(types(effects)).toEqual(["post_system_message", "create_offer", "notify", "schedule_check"]);
    expect(effects[0]).toMatchObject({ message: { key: "searching" } });
    expect(effects[1]).toMatchObject({
      offer: { id: "b1_1", therapistId: "t1", attempt: 1, requiresCustomerApproval: true },
    });
    expect(effects[3]).toMatchObject({
      at: "2025-11-22T02:01:00.000Z",
      check: { kind: "offer_timeout", offerId: "b1_1" },
    });
    expect(bookingInvariantViolations(booking)).toEqual([]);
  });

  it("offers the requested (favourite) therapist first, at their price, without a second customer approval", () => {
    const { booking, effects } = ok(
      openBooking(
        createArgs({
          input: bookingInput({ therapistId: "t3", duration: 90, massageType: "balinese" }),
          provider: { type: "therapist", therapist: T3 },
          idempotencyKey: "k".repeat(20),
          config: defaultLifecycleConfig,
        }),
      ),
    );
    expect(booking).toMatchObject({
      offeredTherapistIds: ["t3"],
      requestedTherapistId: "t3",
      price: 350_000,
      idempotencyKey: "k".repeat(20),
    });
    expect(effects[1]).toMatchObject({ offer: { therapistId: "t3", requiresCustomerApproval: false } });
  });

  it("falls back to the ranking when the requested therapist cannot take it now", () => {
    const offline = therapist({ id: "t9", isOnline: false });
    const { booking } = created({
      input: bookingInput({ therapistId: "t9" }),
      provider: { type: "therapist", therapist: offline },
    });
    expect(booking.offeredTherapistIds).toEqual(["t1"]);
  });

  it("records the demand as expired when nobody can be offered it", () => {
    const { booking, effects } = created({ candidates: [] });
    expect(booking).toMatchObject({ status: "expired", expiryReason: "no_therapist_available", attempt: 0 });
    expect(effects.map((e) => (e.type === "post_system_message" ? e.message.key : e.type))).toEqual([
      "searching",
      "expired_no_therapist",
      "notify",
    ]);
  });

  it.each([
    ["an invalid id", createArgs({ id: "x".repeat(33) }), "validation_failed"],
    ["kind without time", createArgs({ input: bookingInput({ kind: "scheduled" }) }), "validation_failed"],
    ["a point outside Bali", createArgs({ input: bookingInput({ lat: -6.2, lng: 106.8 }) }), "validation_failed"],
    ["a missing spa", createArgs({ input: bookingInput({ providerType: "place", placeId: "p1" }) }), "not_found"],
    [
      "a therapist given for a spa",
      createArgs({
        input: bookingInput({ providerType: "place", placeId: "p1" }),
        provider: { type: "therapist", therapist: T1 },
      }),
      "not_found",
    ],
    [
      "another spa",
      createArgs({
        input: bookingInput({ providerType: "place", placeId: "p2" }),
        provider: { type: "place", place: place() },
      }),
      "not_found",
    ],
    [
      "a restricted spa",
      createArgs({
        input: bookingInput({ providerType: "place", placeId: "p1" }),
        provider: { type: "place", place: place({ isRestricted: true }) },
      }),
      "provider_restricted",
    ],
    [
      "a massage the spa does not do",
      createArgs({
        input: bookingInput({ providerType: "place", placeId: "p1", massageType: "thai" }),
        provider: { type: "place", place: place() },
      }),
      "validation_failed",
    ],
    [
      "a spa that is closed now",
      createArgs({
        input: bookingInput({ providerType: "place", placeId: "p1" }),
        provider: { type: "place", place: place({ openingHours: { start: "12:00", end: "21:00" } }) },
      }),
      "slot_unavailable",
    ],
    [
      "a duration the spa does not offer",
      createArgs({
        input: bookingInput({ providerType: "place", placeId: "p1", duration: 120 }),
        provider: { type: "place", place: place() },
      }),
      "validation_failed",
    ],
    ["a missing therapist", createArgs({ input: bookingInput({ therapistId: "t1" }) }), "not_found"],
    [
      "a different therapist",
      createArgs({ input: bookingInput({ therapistId: "t1" }), provider: { type: "therapist", therapist: T2 } }),
      "not_found",
    ],
    [
      "a restricted therapist",
      createArgs({
        input: bookingInput({ therapistId: "t1" }),
        provider: { type: "therapist", therapist: therapist({ isRestricted: true }) },
      }),
      "provider_restricted",
    ],
    [
      "a massage the therapist does not do",
      createArgs({
        input: bookingInput({ therapistId: "t1", massageType: "thai" }),
        provider: { type: "therapist", therapist: T1 },
      }),
      "validation_failed",
    ],
    [
      "a duration the therapist does not offer",
      createArgs({
        input: bookingInput({ therapistId: "t1", duration: 120 }),
        provider: { type: "therapist", therapist: therapist({ price120: null }) },
      }),
      "validation_failed",
    ],
    [
      "a slot too soon",
      createArgs({ input: bookingInput({ kind: "scheduled", scheduledFor: "2025-11-22T03:00:00.000Z" }) }),
      "slot_unavailable",
    ],
    ["an unknown discount code", createArgs({ input: bookingInput({ discountCode: "BALI10" }) }), "discount_invalid"],
  ])("refuses %s", (_name, args, code) => {
    expectError(openBooking(args), code);
  });

  const code = (overrides: Partial<DiscountCode> = {}): DiscountCode => ({
    id: "d1",
    code: "BALI10",
    kind: "percent",
    value: 10,
    minSpend: 0,
    maxDiscount: null,
    validFrom: null,
    validUntil: null,
    usageLimit: null,
    usedCount: 0,
    perCustomerLimit: null,
    active: true,
    ...overrides,
  });

  it("applies a discount code and redeems it", () => {
    const { booking, effects } = created({
      input: bookingInput({ discountCode: "BALI10" }),
      discount: { code: code(), customerRedemptions: 0 },
    });
    expect(booking).toMatchObject({ price: 250_000, discountAmount: 25_000, amount: 225_000, discountCode: "BALI10" });
    expect(effects[0]).toEqual({ type: "redeem_discount_code", code: "BALI10", customerId: "c1", bookingId: "b1" });
  });

  it("refuses a code that does not match or does not apply", () => {
    expectError(
      openBooking(
        createArgs({
          input: bookingInput({ discountCode: "BALI10" }),
          discount: { code: code({ code: "OTHER" }), customerRedemptions: 0 },
        }),
      ),
      "discount_invalid",
    );
    expectError(
      openBooking(
        createArgs({
          input: bookingInput({ discountCode: "BALI10" }),
          discount: { code: code({ active: false }), customerRedemptions: 0 },
        }),
      ),
      "discount_invalid",
    );
  });

  it("sends a spa request with a 15-minute response deadline and no dispatch", () => {
    const { booking, effects } = created({
      input: bookingInput({ providerType: "place", placeId: "p1", source: "menu", massageType: "balinese" }),
      provider: { type: "place", place: place() },
    });
    expect(booking).toMatchObject({
      status: "searching",
      attempt: 0,
      currentOfferId: null,
      price: 300_000,
      responseDeadline: "2025-11-22T02:15:00.000Z",
    });
    expect(effects).toEqual([
      { type: "post_system_message", bookingId: "b1", message: { key: "request_sent", params: {} } },
      {
        type: "notify",
        to: { role: "place", placeId: "p1" },
        bookingId: "b1",
        notification: {
          key: "new_offer",
          params: { duration: 60, amount: 300_000, expiresAt: "2025-11-22T02:15:00.000Z" },
        },
      },
      { type: "schedule_check", bookingId: "b1", at: "2025-11-22T02:15:00.000Z", check: { kind: "response_deadline" } },
    ]);
  });

  it("opens a scheduled search: response due min(now + 3 h, start − 1 h), offers of 30 min", () => {
    const { booking, effects } = created({ input: scheduledInput() });
    expect(booking).toMatchObject({
      kind: "scheduled",
      responseDeadline: "2025-11-22T05:00:00.000Z",
      offerExpiresAt: "2025-11-22T02:30:00.000Z",
    });
    expect(effects[0]).toMatchObject({
      message: { key: "scheduled_request_sent", params: { scheduledFor: SLOT, respondBy: "2025-11-22T05:00:00.000Z" } },
    });
    expect(effects.at(-1)).toMatchObject({ type: "schedule_check", check: { kind: "response_deadline" } });
    const soon = created({
      input: bookingInput({ kind: "scheduled", source: "scheduled", scheduledFor: "2025-11-22T05:00:00.000Z" }),
    }).booking;
    expect(soon.responseDeadline).toBe("2025-11-22T04:00:00.000Z");
  });
});

describe("transition: races and terminal states", () => {
  it("refuses an event computed from an older version", () => {
    const b = searching();
    const e = expectError(
      transition(b, { type: "cancel", actor: customer, reason: "changed_mind", expectedVersion: 0 }, NOW),
      "version_conflict",
    );
    expect(e.details).toEqual({ currentVersion: 1 });
  });

  it.each([
    ["completed", completed],
    [
      "cancelled",
      () => step(searching(), { type: "cancel", actor: customer, reason: "changed_mind" }, NOW + 1).booking,
    ],
    ["expired", () => created({ candidates: [] }).booking],
  ])("absorbs every event once %s", (_status, make) => {
    const b = make();
    expect(isTerminal(b.status)).toBe(true);
    expectError(apply(b, { type: "cancel", actor: admin, reason: "other" }, NOW + HOUR), "invalid_transition");
    expectError(apply(b, { type: "complete", actor: admin }, NOW + HOUR), "invalid_transition");
  });
});

describe("accept_offer", () => {
  it("a dispatched therapist's acceptance shows them to the customer and holds them (busy) for 5 minutes", () => {
    const { booking, effects } = step(
      searching(),
      { type: "accept_offer", actor: asTherapist("t1"), offerId: "b1_1", commitments: [] },
      NOW + 10_000,
    );
    expect(booking).toMatchObject({
      status: "therapist_found",
      therapistId: "t1",
      currentOfferId: null,
      customerDecisionDeadline: "2025-11-22T02:05:10.000Z",
    });
    expect(types(effects)).toEqual([
      "close_offer",
      "reset_missed_offers",
      "post_system_message",
      "notify",
      "schedule_check",
      "set_therapist_busy",
    ]);
    expect(effects[0]).toMatchObject({ status: "accepted", offerId: "b1_1", therapistId: "t1" });
  });

  it("a scheduled booking gives the customer an hour to decide and does not make the therapist busy now", () => {
    const { booking, effects } = step(
      scheduledSearching(),
      { type: "accept_offer", actor: asTherapist("t1"), offerId: "b1_1", commitments: [] },
      NOW + MIN,
    );
    expect(booking.customerDecisionDeadline).toBe("2025-11-22T03:01:00.000Z");
    expect(types(effects)).not.toContain("set_therapist_busy");
  });

  it("the requested therapist's acceptance confirms at once, with a 30 % commission record", () => {
    const { booking, effects } = step(
      requestedSearching(),
      { type: "accept_offer", actor: asTherapist("t3"), offerId: "b1_1", commitments: [] },
      NOW + 5_000,
    );
    expect(booking).toMatchObject({
      status: "confirmed",
      therapistId: "t3",
      commissionId: "b1",
      confirmedAt: "2025-11-22T02:00:05.000Z",
    });
    expect(types(effects)).toEqual([
      "close_offer",
      "reset_missed_offers",
      "create_commission_record",
      "post_system_message",
      "notify",
      "set_therapist_busy",
    ]);
    expect(effects[2]).toMatchObject({
      record: { id: "b1", amount: 250_000, commission: 75_000, payout: 175_000, status: "pending", therapistId: "t3" },
    });
    expect(effects[3]).toMatchObject({ message: { key: "confirmed_immediate" } });
  });

  it("refuses to confirm a therapist into an overlapping booking", () => {
    const clash = {
      id: "b0",
      status: "confirmed" as const,
      kind: "immediate" as const,
      scheduledFor: null,
      confirmedAt: "2025-11-22T01:50:00.000Z",
      duration: 90 as const,
    };
    const e = expectError(
      apply(
        requestedSearching(),
        { type: "accept_offer", actor: asTherapist("t3"), offerId: "b1_1", commitments: [clash] },
        NOW + 5_000,
      ),
      "overlapping_booking",
    );
    expect(e.details).toEqual({ bookingId: "b0" });
  });

  it.each([
    ["a closed offer", { actor: asTherapist("t1"), offerId: "b1_0" }, NOW, "no_longer_available"],
    ["no offer id", { actor: asTherapist("t1"), offerId: null }, NOW, "no_longer_available"],
    ["another therapist", { actor: asTherapist("t2"), offerId: "b1_1" }, NOW, "forbidden"],
    ["the customer", { actor: customer, offerId: "b1_1" }, NOW, "forbidden"],
    ["after the 60 s deadline", { actor: asTherapist("t1"), offerId: "b1_1" }, NOW + 60_000, "no_longer_available"],
  ])("refuses %s", (_name, fields, at, code) => {
    expectError(apply(searching(), { type: "accept_offer", commitments: [], ...fields }, at), code);
  });

  it("is not possible once a therapist was found", () => {
    expectError(
      apply(
        accepted(),
        { type: "accept_offer", actor: asTherapist("t1"), offerId: "b1_1", commitments: [] },
        NOW + 11_000,
      ),
      "invalid_transition",
    );
  });

  it("a spa's acceptance confirms its booking; another spa or a late answer is refused", () => {
    const { booking, effects } = step(
      placeBooking(),
      { type: "accept_offer", actor: asPlace("p1"), offerId: null, commitments: [] },
      NOW + MIN,
    );
    expect(booking).toMatchObject({ status: "confirmed", commissionId: "b1", therapistId: null });
    expect(effects[0]).toMatchObject({
      type: "create_commission_record",
      record: { providerType: "place", placeId: "p1", therapistId: null, commission: 90_000 },
    });
    expect(effects[1]).toMatchObject({ message: { key: "confirmed_place" } });
    expectError(
      apply(placeBooking(), { type: "accept_offer", actor: asPlace("p2"), offerId: null, commitments: [] }, NOW),
      "forbidden",
    );
    expectError(
      apply(
        placeBooking(),
        { type: "accept_offer", actor: asPlace("p1"), offerId: null, commitments: [] },
        NOW + 15 * MIN,
      ),
      "no_longer_available",
    );
  });

  it("a confirmed scheduled booking names its time", () => {
    const b = created({
      input: bookingInput({ ...scheduledInput(), providerType: "place", placeId: "p1" }),
      provider: { type: "place", place: place() },
    }).booking;
    const { effects } = step(
      b,
      { type: "accept_offer", actor: asPlace("p1"), offerId: null, commitments: [] },
      NOW + MIN,
    );
    expect(effects[1]).toMatchObject({ message: { key: "confirmed_scheduled", params: { scheduledFor: SLOT } } });
  });
});

describe("decline_offer and offer_timed_out: auto-retry", () => {
  it("a decline moves the offer to the next-ranked therapist", () => {
    const { booking, effects } = step(
      searching(),
      { type: "decline_offer", actor: asTherapist("t1"), offerId: "b1_1", reason: "too_far", candidates: TEAM },
      NOW + 5_000,
    );
    expect(booking).toMatchObject({
      status: "searching",
      attempt: 2,
      offeredTherapistIds: ["t1", "t2"],
      currentOfferId: "b1_2",
    });
    expect(effects[0]).toMatchObject({
      type: "close_offer",
      status: "declined",
      declineReason: "too_far",
      therapistId: "t1",
    });
    expect(effects[1]).toMatchObject({ message: { key: "searching_again" } });
    expect(effects[2]).toMatchObject({ type: "create_offer", offer: { therapistId: "t2", attempt: 2 } });
  });

  it("a timeout does the same and records the missed offer", () => {
    const { booking, effects } = step(
      searching(),
      { type: "offer_timed_out", actor: system, offerId: "b1_1", candidates: TEAM },
      NOW + 60_000,
    );
    expect(booking.offeredTherapistIds).toEqual(["t1", "t2"]);
    expect(types(effects).slice(0, 3)).toEqual(["close_offer", "record_missed_offer", "post_system_message"]);
    expect(effects[0]).toMatchObject({ status: "expired" });
  });

  it("expires when nobody is left, when the attempts are used up, or past a scheduled response deadline", () => {
    const none = step(
      searching(),
      { type: "decline_offer", actor: asTherapist("t1"), offerId: "b1_1", reason: null, candidates: [T1] },
      NOW + 1,
    );
    expect(none.booking).toMatchObject({
      status: "expired",
      expiryReason: "no_therapist_available",
      currentOfferId: null,
    });

    const one = created({ config: { ...defaultLifecycleConfig, maxAttempts: 1 } }).booking;
    const max = step(one, { type: "offer_timed_out", actor: system, offerId: "b1_1", candidates: TEAM }, NOW + 60_000);
    expect(max.booking).toMatchObject({ status: "expired", expiryReason: "max_attempts" });

    const late = step(
      scheduledSearching(),
      { type: "decline_offer", actor: asTherapist("t1"), offerId: "b1_1", reason: null, candidates: TEAM },
      NOW + 3 * HOUR,
    );
    expect(late.booking).toMatchObject({ status: "expired", expiryReason: "response_deadline" });
    expect(late.effects[1]).toMatchObject({ message: { key: "expired_no_response" } });
  });

  it("never offers the same therapist twice, even if they are the only one nearby", () => {
    let b = searching();
    b = step(
      b,
      { type: "decline_offer", actor: asTherapist("t1"), offerId: "b1_1", reason: null, candidates: TEAM },
      NOW + 1,
    ).booking;
    b = step(
      b,
      { type: "decline_offer", actor: asTherapist("t2"), offerId: "b1_2", reason: null, candidates: TEAM },
      NOW + 2,
    ).booking;
    b = step(
      b,
      { type: "decline_offer", actor: asTherapist("t3"), offerId: "b1_3", reason: null, candidates: TEAM },
      NOW + 3,
    ).booking;
    expect(b).toMatchObject({ status: "expired", offeredTherapistIds: ["t1", "t2", "t3"] });
  });

  it.each([
    ["a closed offer", { actor: asTherapist("t1"), offerId: "b1_9" }, "no_longer_available"],
    ["another therapist", { actor: asTherapist("t2"), offerId: "b1_1" }, "forbidden"],
    ["the customer", { actor: customer, offerId: "b1_1" }, "forbidden"],
  ])("a decline from %s is refused", (_name, fields, code) => {
    expectError(apply(searching(), { type: "decline_offer", reason: null, candidates: TEAM, ...fields }, NOW), code);
  });

  it("a decline is only possible while searching", () => {
    expectError(
      apply(
        accepted(),
        { type: "decline_offer", actor: asTherapist("t1"), offerId: "b1_1", reason: null, candidates: TEAM },
        NOW + HOUR,
      ),
      "invalid_transition",
    );
  });

  it("a spa's decline expires its booking; another spa may not decline it", () => {
    const { booking, effects } = step(
      placeBooking(),
      { type: "decline_offer", actor: asPlace("p1"), offerId: null, reason: "busy", candidates: [] },
      NOW + MIN,
    );
    expect(booking).toMatchObject({ status: "expired", expiryReason: "provider_declined" });
    expect(effects[0]).toMatchObject({ message: { key: "expired_provider_declined" } });
    expectError(
      apply(
        placeBooking(),
        { type: "decline_offer", actor: asPlace("p2"), offerId: null, reason: null, candidates: [] },
        NOW,
      ),
      "forbidden",
    );
  });

  it.each([
    [
      "sent by someone other than the system",
      () => searching(),
      { actor: customer, offerId: "b1_1" },
      NOW + MIN,
      "forbidden",
    ],
    ["before the deadline", () => searching(), { actor: system, offerId: "b1_1" }, NOW + 59_999, "invalid_transition"],
    ["for a closed offer", () => searching(), { actor: system, offerId: "b1_0" }, NOW + MIN, "no_longer_available"],
    ["for a spa request", () => placeBooking(), { actor: system, offerId: "b1_1" }, NOW + MIN, "invalid_transition"],
    [
      "after a therapist was found",
      () => accepted(),
      { actor: system, offerId: "b1_1" },
      NOW + MIN,
      "invalid_transition",
    ],
  ])("a timeout %s is refused", (_name, make, fields, at, code) => {
    expectError(apply(make(), { type: "offer_timed_out", candidates: TEAM, ...fields }, at), code);
  });
});

describe("therapist_found: the customer decides", () => {
  it("accept therapist confirms: commission, chat, the therapist is told (already busy)", () => {
    const { booking, effects } = step(
      accepted(),
      { type: "accept_therapist", actor: customer, commitments: [] },
      NOW + 20_000,
    );
    expect(booking).toMatchObject({ status: "confirmed", customerDecisionDeadline: null, commissionId: "b1" });
    expect(types(effects)).toEqual(["create_commission_record", "post_system_message", "notify", "notify"]);
    expect(effects[3]).toMatchObject({
      to: { role: "therapist", therapistId: "t1" },
      notification: { key: "customer_confirmed" },
    });
  });

  it("find another releases the therapist and offers the next one", () => {
    const { booking, effects } = step(
      accepted(),
      { type: "find_another", actor: customer, candidates: TEAM },
      NOW + 20_000,
    );
    expect(booking).toMatchObject({
      status: "searching",
      therapistId: null,
      offeredTherapistIds: ["t1", "t2"],
      attempt: 2,
    });
    expect(types(effects)).toEqual([
      "notify",
      "post_system_message",
      "create_offer",
      "notify",
      "schedule_check",
      "set_therapist_available",
    ]);
    expect(effects[1]).toMatchObject({ message: { key: "finding_another" } });
    expect(effects.at(-1)).toEqual({ type: "set_therapist_available", therapistId: "t1", lastBookingAt: null });
  });

  it("the hold runs out: the booking expires and the therapist is released", () => {
    const { booking, effects } = step(
      accepted(),
      { type: "decision_timed_out", actor: system },
      NOW + 10_000 + 5 * MIN,
    );
    expect(booking).toMatchObject({ status: "expired", expiryReason: "customer_no_response", therapistId: "t1" });
    expect(types(effects)).toEqual(["post_system_message", "notify", "notify", "set_therapist_available"]);
  });

  it.each([
    [
      "accept_therapist while searching",
      () => searching(),
      { type: "accept_therapist", actor: customer, commitments: [] },
      NOW,
      "invalid_transition",
    ],
    [
      "accept_therapist by another customer",
      accepted,
      { type: "accept_therapist", actor: stranger, commitments: [] },
      NOW + 20_000,
      "forbidden",
    ],
    [
      "accept_therapist after the hold",
      accepted,
      { type: "accept_therapist", actor: customer, commitments: [] },
      NOW + 10_000 + 5 * MIN,
      "no_longer_available",
    ],
    [
      "find_another while searching",
      () => searching(),
      { type: "find_another", actor: customer, candidates: TEAM },
      NOW,
      "invalid_transition",
    ],
    [
      "find_another by another customer",
      accepted,
      { type: "find_another", actor: stranger, candidates: TEAM },
      NOW + 20_000,
      "forbidden",
    ],
    [
      "decision_timed_out by the customer",
      accepted,
      { type: "decision_timed_out", actor: customer },
      NOW + HOUR,
      "forbidden",
    ],
    [
      "decision_timed_out while searching",
      () => searching(),
      { type: "decision_timed_out", actor: system },
      NOW + HOUR,
      "invalid_transition",
    ],
    [
      "decision_timed_out too early",
      accepted,
      { type: "decision_timed_out", actor: system },
      NOW + MIN,
      "invalid_transition",
    ],
  ] as const)("refuses %s", (_name, make, event, at, code) => {
    expectError(apply(make(), event as EventWithoutVersion, at), code);
  });

  it("refuses to confirm into an overlapping scheduled booking", () => {
    const clash = {
      id: "b0",
      status: "confirmed" as const,
      kind: "scheduled" as const,
      scheduledFor: "2025-11-22T02:30:00.000Z",
      confirmedAt: null,
      duration: 60 as const,
    };
    expectError(
      apply(accepted(), { type: "accept_therapist", actor: customer, commitments: [clash] }, NOW + 20_000),
      "overlapping_booking",
    );
  });
});

describe("response_deadline_passed", () => {
  it("expires a scheduled search nobody accepted, withdrawing the open offer", () => {
    const { booking, effects } = step(
      scheduledSearching(),
      { type: "response_deadline_passed", actor: system },
      NOW + 3 * HOUR,
    );
    expect(booking).toMatchObject({ status: "expired", expiryReason: "response_deadline" });
    expect(effects[0]).toMatchObject({ type: "close_offer", status: "withdrawn", offerId: "b1_1" });
  });

  it("expires an unanswered spa request", () => {
    const { booking, effects } = step(
      placeBooking(),
      { type: "response_deadline_passed", actor: system },
      NOW + 15 * MIN,
    );
    expect(booking.status).toBe("expired");
    expect(types(effects)).toEqual(["post_system_message", "notify"]);
  });

  it.each([
    ["from anyone but the system", () => placeBooking(), customer, NOW + HOUR, "forbidden"],
    ["once accepted", placeConfirmed, system, NOW + HOUR, "invalid_transition"],
    ["for an immediate search (no deadline)", () => searching(), system, NOW + HOUR, "invalid_transition"],
    ["before the deadline", () => placeBooking(), system, NOW + 14 * MIN, "invalid_transition"],
  ] as const)("is refused %s", (_name, make, actor, at, code) => {
    expectError(apply(make(), { type: "response_deadline_passed", actor }, at), code);
  });
});

describe("reassign (support)", () => {
  it("from searching: withdraws the open offer and offers the chosen therapist directly", () => {
    const { booking, effects } = step(searching(), { type: "reassign", actor: admin, therapistId: "t9" }, NOW + 5_000);
    expect(booking).toMatchObject({
      status: "searching",
      requestedTherapistId: "t9",
      offeredTherapistIds: ["t1", "t9"],
      currentOfferId: "b1_2",
    });
    expect(types(effects)).toEqual(["close_offer", "post_system_message", "create_offer", "notify", "schedule_check"]);
    expect(effects[2]).toMatchObject({ offer: { therapistId: "t9", requiresCustomerApproval: false } });
  });

  it("from therapist_found: releases the held therapist", () => {
    const { effects } = step(accepted(), { type: "reassign", actor: admin, therapistId: "t9" }, NOW + 20_000);
    expect(types(effects)).toEqual([
      "notify",
      "post_system_message",
      "create_offer",
      "notify",
      "schedule_check",
      "set_therapist_available",
    ]);
  });

  it("from confirmed: voids the commission; the new therapist's acceptance confirms again", () => {
    const r = step(confirmed(), { type: "reassign", actor: admin, therapistId: "t9" }, NOW + MIN);
    expect(r.booking).toMatchObject({ status: "searching", confirmedAt: null, commissionId: null, therapistId: null });
    expect(types(r.effects)).toContain("void_commission_record");
    const again = step(
      r.booking,
      { type: "accept_offer", actor: asTherapist("t9"), offerId: "b1_2", commitments: [] },
      NOW + MIN + 30_000,
    );
    expect(again.booking).toMatchObject({ status: "confirmed", therapistId: "t9", commissionId: "b1" });
  });

  it("after a scheduled booking's response deadline, the new offer still gets its full window", () => {
    let b = scheduledSearching();
    b = step(
      b,
      { type: "accept_offer", actor: asTherapist("t1"), offerId: "b1_1", commitments: [] },
      NOW + MIN,
    ).booking;
    b = step(b, { type: "accept_therapist", actor: customer, commitments: [] }, NOW + 2 * MIN).booking;
    const r = step(b, { type: "reassign", actor: admin, therapistId: "t9" }, NOW + 4 * HOUR);
    expect(r.booking.offerExpiresAt).toBe("2025-11-22T06:30:00.000Z");
    expect(types(r.effects)).not.toContain("set_therapist_available");
  });

  it.each([
    ["by a non-admin", () => searching(), customer, "t9", "forbidden"],
    ["once the therapist arrived", arrived, admin, "t9", "invalid_transition"],
    ["for a spa booking", () => placeBooking(), admin, "t9", "invalid_transition"],
    ["to a therapist already offered", () => searching(), admin, "t1", "invalid_transition"],
  ] as const)("is refused %s", (_name, make, actor, therapistId, code) => {
    expectError(apply(make(), { type: "reassign", actor, therapistId }, NOW + HOUR), code);
  });

  it("stops at 99 offers for one booking", () => {
    const ids = Array.from({ length: 99 }, (_, i) => `x${i}`);
    const b: Booking = { ...searching(), attempt: 99, offeredTherapistIds: ids, currentOfferId: "b1_99" };
    const e = expectError(apply(b, { type: "reassign", actor: admin, therapistId: "t9" }, NOW), "invalid_transition");
    expect(e.details).toEqual({ reason: "too_many_offers" });
  });
});

describe("on the way → arrived → in progress → completed", () => {
  it("walks an immediate therapist booking to completion", () => {
    const depart = step(confirmed(), { type: "depart", actor: asTherapist("t1"), etaMinutes: 25 }, NOW + 30_000);
    expect(depart.booking.status).toBe("on_the_way");
    expect(depart.effects).toEqual([
      { type: "post_system_message", bookingId: "b1", message: { key: "on_the_way", params: { etaMinutes: 25 } } },
      {
        type: "notify",
        to: { role: "customer", customerId: "c1" },
        bookingId: "b1",
        notification: { key: "status_update", params: {} },
      },
    ]);
    const arrive = step(depart.booking, { type: "arrive", actor: asTherapist("t1") }, NOW + 30 * MIN);
    expect(arrive.effects[0]).toMatchObject({ message: { key: "arrived" } });
    const start = step(arrive.booking, { type: "start", actor: asTherapist("t1") }, NOW + 35 * MIN);
    expect(start.booking.status).toBe("in_progress");
    const done = step(start.booking, { type: "complete", actor: asTherapist("t1") }, NOW + 95 * MIN);
    expect(done.booking).toMatchObject({ status: "completed", completedAt: "2025-11-22T03:35:00.000Z" });
    expect(done.effects).toEqual([
      { type: "commission_due", commissionId: "b1", dueAt: "2025-11-22T06:35:00.000Z" },
      { type: "post_system_message", bookingId: "b1", message: { key: "completed", params: {} } },
      {
        type: "notify",
        to: { role: "customer", customerId: "c1" },
        bookingId: "b1",
        notification: { key: "status_update", params: {} },
      },
      { type: "set_therapist_available", therapistId: "t1", lastBookingAt: "2025-11-22T03:35:00.000Z" },
    ]);
  });

  it("a delay report keeps the status and tells the customer", () => {
    for (const make of [confirmed, onTheWay]) {
      const b = make();
      const r = step(b, { type: "report_delay", actor: asTherapist("t1"), delayMinutes: 15 }, NOW + MIN);
      expect(r.booking.status).toBe(b.status);
      expect(r.effects[0]).toMatchObject({ message: { key: "delayed", params: { delayMinutes: 15 } } });
    }
  });

  it("a therapist who forgot 'on the way' may still arrive", () => {
    expect(step(confirmed(), { type: "arrive", actor: asTherapist("t1") }, NOW + MIN).booking.status).toBe("arrived");
  });

  it("a scheduled booking makes its therapist busy from departure", () => {
    let b = scheduledSearching();
    b = step(
      b,
      { type: "accept_offer", actor: asTherapist("t1"), offerId: "b1_1", commitments: [] },
      NOW + MIN,
    ).booking;
    b = step(b, { type: "accept_therapist", actor: customer, commitments: [] }, NOW + 2 * MIN).booking;
    const r = step(b, { type: "depart", actor: asTherapist("t1"), etaMinutes: null }, Date.parse(SLOT) - 40 * MIN);
    expect(r.effects.at(-1)).toEqual({ type: "set_therapist_busy", therapistId: "t1", bookingId: "b1" });
  });

  it("a spa checks the customer in (or starts directly) and completes", () => {
    const arrive = step(placeConfirmed(), { type: "arrive", actor: asPlace("p1") }, NOW + 10 * MIN);
    expect(arrive.effects[0]).toMatchObject({ message: { key: "checked_in" } });
    const start = step(placeConfirmed(), { type: "start", actor: asPlace("p1") }, NOW + 10 * MIN);
    const done = step(start.booking, { type: "complete", actor: admin }, NOW + 80 * MIN);
    expect(types(done.effects)).toEqual(["commission_due", "post_system_message", "notify"]);
  });

  it.each([
    [
      "depart before confirmation",
      accepted,
      { type: "depart", actor: asTherapist("t1"), etaMinutes: null },
      "invalid_transition",
    ],
    [
      "depart to a spa",
      placeConfirmed,
      { type: "depart", actor: asPlace("p1"), etaMinutes: null },
      "invalid_transition",
    ],
    [
      "depart by another therapist",
      confirmed,
      { type: "depart", actor: asTherapist("t2"), etaMinutes: null },
      "forbidden",
    ],
    [
      "a delay once arrived",
      arrived,
      { type: "report_delay", actor: asTherapist("t1"), delayMinutes: 10 },
      "invalid_transition",
    ],
    [
      "a delay for a spa",
      placeConfirmed,
      { type: "report_delay", actor: asPlace("p1"), delayMinutes: 10 },
      "invalid_transition",
    ],
    ["a delay from the customer", onTheWay, { type: "report_delay", actor: customer, delayMinutes: 10 }, "forbidden"],
    ["arrive while searching", () => searching(), { type: "arrive", actor: asTherapist("t1") }, "invalid_transition"],
    ["arrive by the customer", onTheWay, { type: "arrive", actor: customer }, "forbidden"],
    [
      "a therapist arriving at a spa booking",
      placeConfirmed,
      { type: "arrive", actor: asTherapist("t1") },
      "forbidden",
    ],
    ["start before arriving", onTheWay, { type: "start", actor: asTherapist("t1") }, "invalid_transition"],
    ["start by another therapist", arrived, { type: "start", actor: asTherapist("t2") }, "forbidden"],
    ["complete before starting", arrived, { type: "complete", actor: asTherapist("t1") }, "invalid_transition"],
    ["complete by the customer", inProgress, { type: "complete", actor: customer }, "forbidden"],
  ] as const)("refuses %s", (_name, make, event, code) => {
    expectError(apply(make(), event as EventWithoutVersion, NOW + 2 * HOUR), code);
  });
});

describe("cancel", () => {
  it("while searching: withdraws the open offer at once and notifies no therapist", () => {
    const { booking, effects } = step(
      searching(),
      { type: "cancel", actor: customer, reason: "wait_too_long" },
      NOW + 20_000,
    );
    expect(booking).toMatchObject({
      status: "cancelled",
      cancelledBy: "customer",
      cancelReason: "wait_too_long",
      currentOfferId: null,
      offerExpiresAt: null,
    });
    expect(effects).toEqual([
      {
        type: "close_offer",
        offerId: "b1_1",
        therapistId: "t1",
        status: "withdrawn",
        at: "2025-11-22T02:00:20.000Z",
        declineReason: null,
      },
      { type: "post_system_message", bookingId: "b1", message: { key: "cancelled_by_customer", params: {} } },
    ]);
  });

  it("with a therapist found: tells and releases them", () => {
    const { effects } = step(accepted(), { type: "cancel", actor: customer, reason: "changed_mind" }, NOW + 20_000);
    expect(types(effects)).toEqual(["post_system_message", "notify", "set_therapist_available"]);
  });

  it("by the therapist after confirmation: voids the commission and tells the customer", () => {
    const { booking, effects } = step(
      onTheWay(),
      { type: "cancel", actor: asTherapist("t1"), reason: "provider_unavailable" },
      NOW + MIN,
    );
    expect(booking.cancelledBy).toBe("therapist");
    expect(types(effects)).toEqual([
      "void_commission_record",
      "post_system_message",
      "notify",
      "set_therapist_available",
    ]);
    expect(effects[2]).toMatchObject({ to: { role: "customer" }, notification: { key: "booking_cancelled" } });
  });

  it("a spa booking: the spa cancels once confirmed; the customer may cancel the request", () => {
    const bySpa = step(
      placeConfirmed(),
      { type: "cancel", actor: asPlace("p1"), reason: "fully_booked" },
      NOW + 2 * MIN,
    );
    expect(types(bySpa.effects)).toEqual(["void_commission_record", "post_system_message", "notify"]);
    const byCustomer = step(
      placeConfirmed(),
      { type: "cancel", actor: customer, reason: "changed_mind" },
      NOW + 2 * MIN,
    );
    expect(byCustomer.effects.at(-1)).toMatchObject({ to: { role: "place", placeId: "p1" } });
    const request = step(placeBooking(), { type: "cancel", actor: customer, reason: "changed_mind" }, NOW + MIN);
    expect(types(request.effects)).toEqual(["post_system_message"]);
  });

  it("by support or the system, with their own reasons", () => {
    const byAdmin = step(confirmed(), { type: "cancel", actor: admin, reason: "fraud_suspected" }, NOW + MIN);
    expect(byAdmin.effects.filter((e) => e.type === "notify")).toHaveLength(2);
    const bySystem = step(searching(), { type: "cancel", actor: system, reason: "duplicate_booking" }, NOW + MIN);
    expect(bySystem.effects[1]).toMatchObject({ message: { key: "cancelled_by_system" } });
  });

  it.each([
    ["another customer", () => searching(), stranger, "changed_mind", "forbidden"],
    ["a therapist only offered it", () => searching(), asTherapist("t1"), "provider_unavailable", "forbidden"],
    ["a spa that should decline instead", () => placeBooking(), asPlace("p1"), "fully_booked", "forbidden"],
    ["a therapist on a spa booking", placeConfirmed, asTherapist("t1"), "provider_unavailable", "forbidden"],
    ["a customer giving a therapist's reason", () => searching(), customer, "customer_no_show", "validation_failed"],
  ] as const)("is refused for %s", (_name, make, actor, reason, code) => {
    expectError(apply(make(), { type: "cancel", actor, reason }, NOW + MIN), code);
  });
});

describe("helpers", () => {
  it("holdsTherapist: immediate from acceptance, scheduled from departure, never a spa", () => {
    expect(holdsTherapist(searching())).toBe(false);
    expect(holdsTherapist(accepted())).toBe(true);
    expect(holdsTherapist({ ...accepted(), kind: "scheduled" })).toBe(false);
    expect(holdsTherapist({ ...onTheWay(), kind: "scheduled" })).toBe(true);
    expect(holdsTherapist(placeConfirmed())).toBe(false);
  });

  it("isFreeCancellation: scheduled until 4 h before, immediate until confirmed", () => {
    const s = scheduledSearching();
    expect(isFreeCancellation(s, Date.parse(SLOT) - 4 * HOUR)).toBe(true);
    expect(isFreeCancellation(s, Date.parse(SLOT) - 4 * HOUR + 1, defaultLifecycleConfig)).toBe(false);
    expect(isFreeCancellation(searching(), NOW)).toBe(true);
    expect(isFreeCancellation(accepted(), NOW)).toBe(true);
    expect(isFreeCancellation(confirmed(), NOW)).toBe(false);
  });

  it("bookingInvariantViolations names what is wrong with a corrupt booking", () => {
    const broken: Booking = {
      ...confirmed(),
      amount: 1,
      offeredTherapistIds: ["t1", "t1"],
      commissionId: null,
      status: "completed",
    };
    expect(bookingInvariantViolations(broken)).toEqual(
      expect.arrayContaining([
        "amount = price − discount",
        "no therapist offered twice",
        "confirmed bookings have a commission",
        "completedAt ⇔ completed",
      ]),
    );
    const place = { ...placeConfirmed(), therapistId: "t1", status: "searching" as const, responseDeadline: null };
    expect(bookingInvariantViolations(place)).toEqual(
      expect.arrayContaining([
        "spa bookings make no offers",
        "assigned therapist was offered",
        "spa request has a deadline",
      ]),
    );
    const found = { ...accepted(), offeredTherapistIds: ["t1", "t2"], attempt: 2 };
    expect(bookingInvariantViolations(found)).toContain("therapist_found holds the last offered");
    const noTherapist = { ...confirmed(), therapistId: null };
    expect(bookingInvariantViolations(noTherapist)).toContain("confirmed therapist bookings have a therapist");
  });
});
