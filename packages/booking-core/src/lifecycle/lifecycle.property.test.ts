// Property tests of the state machine: random bookings driven by random events from random parties at random times.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOME, MIN, NOW, bookingInput, place, therapist } from "../../test/fixtures";
import { DomainError } from "../errors";
import { type Actor, type BookingEvent, type TransitionResult } from "./events";
import { bookingInvariantViolations } from "./invariants";
import { openBooking } from "./open-booking";
import { isTerminal } from "./status";
import { transition } from "./transitions";
import type { Commitment } from "../schedule";
import { type Booking, bookingSchema, cancelReasons } from "../schemas/booking";
import { offerIdFor } from "../schemas/offer";

type ArbType<A> = A extends fc.Arbitrary<infer T> ? T : never;

const THERAPIST_IDS = ["t1", "t2", "t3", "t4", "t5", "t6"];

const poolArb = fc.array(
  fc.record({
    id: fc.constantFrom(...THERAPIST_IDS),
    km: fc.integer({ min: 0, max: 18 }),
    isOnline: fc.constantFrom(true, true, true, false),
    isBusy: fc.constantFrom(false, false, false, true),
    rating: fc.integer({ min: 0, max: 50 }).map((r) => r / 10),
  }),
  { minLength: 1, maxLength: 8 },
);

const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant<Actor>({ role: "customer", customerId: "c1" }),
  fc.constant<Actor>({ role: "customer", customerId: "c2" }),
  fc.constantFrom(...THERAPIST_IDS).map((therapistId): Actor => ({ role: "therapist", therapistId })),
  fc.constantFrom("p1", "p2").map((placeId): Actor => ({ role: "place", placeId })),
  fc.constant<Actor>({ role: "admin", adminId: "a1" }),
  fc.constant<Actor>({ role: "system" }),
);

const eventTypes = [
  "accept_offer",
  "decline_offer",
  "offer_timed_out",
  "accept_therapist",
  "find_another",
  "decision_timed_out",
  "response_deadline_passed",
  "reassign",
  "depart",
  "report_delay",
  "arrive",
  "start",
  "complete",
  "cancel",
] as const;

const choiceArb = fc.record({
  /** Natural choices are the events this status expects, from the right party, on time: they drive bookings forward. */
  natural: fc.constantFrom(true, true, true, true, false),
  pick: fc.nat(),
  type: fc.constantFrom(...eventTypes),
  actor: actorArb,
  /** Which offer id the event names: the open one, an old one, or none. */
  offer: fc.constantFrom("current", "stale", "none"),
  advanceMs: fc.oneof(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 4 * 60 * MIN })),
  reason: fc.constantFrom(...cancelReasons),
  therapistId: fc.constantFrom(...THERAPIST_IDS, "t9"),
  clash: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  staleVersion: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
});
type Choice = ArbType<typeof choiceArb>;
type EventType = (typeof eventTypes)[number];

const expected: Record<Booking["status"], readonly EventType[]> = {
  searching: [
    ...Array<EventType>(6).fill("accept_offer"),
    "decline_offer",
    "decline_offer",
    "offer_timed_out",
    "offer_timed_out",
    "response_deadline_passed",
    "reassign",
    "cancel",
  ],
  therapist_found: [
    ...Array<EventType>(6).fill("accept_therapist"),
    "find_another",
    "find_another",
    "decision_timed_out",
    "reassign",
    "cancel",
  ],
  confirmed: [...Array<EventType>(4).fill("depart"), "arrive", "start", "report_delay", "reassign", "cancel"],
  on_the_way: [...Array<EventType>(4).fill("arrive"), "report_delay", "reassign", "cancel"],
  arrived: [...Array<EventType>(5).fill("start"), "cancel"],
  in_progress: [...Array<EventType>(5).fill("complete"), "cancel"],
  completed: eventTypes,
  cancelled: eventTypes,
  expired: eventTypes,
};

const scenarioArb = fc.record({
  kind: fc.constantFrom("immediate", "scheduled"),
  providerType: fc.constantFrom("therapist", "therapist", "place"),
  requested: fc.option(fc.constantFrom(...THERAPIST_IDS), { nil: null }),
  pool: poolArb,
  events: fc.array(choiceArb, { maxLength: 30 }),
});

function therapists(pool: ArbType<typeof poolArb>) {
  return pool.map((t) => therapist({ ...t, lat: HOME.lat + t.km * 0.009, ratingCount: 10 }));
}

/** The party who should send `type` for this booking, to make accepted events likely as well as refused ones. */
function rightParty(b: Booking, type: Choice["type"]): Actor {
  if (["offer_timed_out", "decision_timed_out", "response_deadline_passed"].includes(type)) return { role: "system" };
  if (type === "reassign") return { role: "admin", adminId: "a1" };
  if (["accept_therapist", "find_another"].includes(type)) return { role: "customer", customerId: "c1" };
  if (type === "cancel")
    return b.version % 2 === 0 ? { role: "admin", adminId: "a1" } : { role: "customer", customerId: "c1" };
  if (b.providerType === "place") return { role: "place", placeId: b.placeId as string };
  return { role: "therapist", therapistId: b.therapistId ?? b.offeredTherapistIds.at(-1) ?? "t1" };
}

/** Turns a random choice into an event and the time it happens. */
function buildEvent(b: Booking, c: Choice, pool: ReturnType<typeof therapists>, now: number): [BookingEvent, number] {
  const options = expected[b.status];
  const type = c.natural ? (options[c.pick % options.length] as EventType) : c.type;
  let at = now + (c.natural ? c.advanceMs % 30_000 : c.advanceMs);
  if (c.natural) {
    const deadline =
      type === "offer_timed_out"
        ? b.offerExpiresAt
        : type === "decision_timed_out"
          ? b.customerDecisionDeadline
          : type === "response_deadline_passed"
            ? b.responseDeadline
            : null;
    if (deadline !== null) at = Math.max(at, Date.parse(deadline));
  }
  const base = {
    expectedVersion: c.staleVersion ? b.version - 1 : b.version,
    actor: c.natural ? rightParty(b, type) : c.actor,
  };
  const offer = c.natural ? "current" : c.offer;
  const offerId =
    offer === "current"
      ? (b.currentOfferId ?? offerIdFor(b.id, b.attempt))
      : offer === "stale"
        ? offerIdFor(b.id, Math.max(0, b.attempt - 1))
        : null;
  const commitments: Commitment[] = c.clash
    ? [
        {
          id: "other",
          status: "confirmed",
          kind: "immediate",
          scheduledFor: null,
          confirmedAt: new Date(at).toISOString(),
          duration: 60,
        },
      ]
    : [];
  const event = ((): BookingEvent => {
    switch (type) {
      case "accept_offer":
        return { ...base, type, offerId: b.providerType === "place" ? null : offerId, commitments };
      case "decline_offer":
        return { ...base, type, offerId, reason: null, candidates: pool };
      case "offer_timed_out":
        return { ...base, type, offerId: offerId ?? "none", candidates: pool };
      case "accept_therapist":
        return { ...base, type, commitments };
      case "find_another":
        return { ...base, type, candidates: pool };
      case "reassign":
        return { ...base, type, therapistId: c.therapistId };
      case "depart":
        return { ...base, type, etaMinutes: 20 };
      case "report_delay":
        return { ...base, type, delayMinutes: 10 };
      case "cancel":
        return { ...base, type, reason: c.natural ? "other" : c.reason };
      default:
        return { ...base, type };
    }
  })();
  return [event, at];
}

function open(s: ArbType<typeof scenarioArb>): TransitionResult | DomainError {
  const pool = therapists(s.pool);
  const requested = s.providerType === "therapist" ? s.requested : null;
  const requestedTherapist = pool.find((t) => t.id === requested) ?? therapist({ id: requested ?? "t1" });
  return openBooking({
    id: "b1",
    customerId: "c1",
    input: bookingInput({
      kind: s.kind,
      source: s.kind === "scheduled" ? "scheduled" : "bookNow",
      scheduledFor: s.kind === "scheduled" ? "2025-11-23T06:00:00.000Z" : null,
      providerType: s.providerType,
      placeId: s.providerType === "place" ? "p1" : null,
      therapistId: requested,
    }),
    provider:
      s.providerType === "place"
        ? { type: "place", place: place() }
        : requested === null
          ? null
          : { type: "therapist", therapist: requestedTherapist },
    discount: null,
    candidates: pool,
    now: NOW,
  });
}

/** Frozen inputs make any mutation by the machine throw (test files run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** Tally of statuses reached and events accepted, to see that the random runs really explore the machine. */
export const explored = { statuses: new Map<string, number>(), accepted: new Map<string, number>() };

interface Run {
  states: Booking[];
  offers: string[][];
}

/** Drives one scenario, checking every step; returns what happened for further checks. */
function run(s: ArbType<typeof scenarioArb>): Run {
  const first = open(s);
  if (first instanceof DomainError) throw first;
  const pool = therapists(s.pool);
  let booking = first.booking;
  let now = NOW;
  const offered = first.effects.flatMap((e) => (e.type === "create_offer" ? [e.offer.therapistId] : []));
  const states = [booking];
  for (const choice of s.events) {
    const [event, at] = buildEvent(booking, choice, pool, now);
    now = at;
    const result = transition(deepFreeze(booking), event, now);
    if (isTerminal(booking.status) || event.expectedVersion !== booking.version) {
      expect(result).toBeInstanceOf(DomainError);
    }
    if (result instanceof DomainError) continue;
    const next = result.booking;
    expect(next.version).toBe(booking.version + 1);
    expect(bookingSchema.safeParse(next).success).toBe(true);
    expect(bookingInvariantViolations(next)).toEqual([]);
    expect(next.offeredTherapistIds.slice(0, booking.offeredTherapistIds.length)).toEqual(booking.offeredTherapistIds);
    for (const effect of result.effects) if (effect.type === "create_offer") offered.push(effect.offer.therapistId);
    const commissions = result.effects.filter((e) => e.type === "create_commission_record").length;
    expect(commissions).toBe(next.status === "confirmed" && booking.status !== "confirmed" ? 1 : 0);
    if (next.status === "completed") expect(result.effects[0]?.type).toBe("commission_due");
    explored.statuses.set(next.status, (explored.statuses.get(next.status) ?? 0) + 1);
    explored.accepted.set(event.type, (explored.accepted.get(event.type) ?? 0) + 1);
    booking = next;
    states.push(booking);
  }
  return { states, offers: [offered] };
}

describe("lifecycle properties", () => {
  it("no sequence of events leads to an invalid state; refused events change nothing", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const first = open(s);
        expect(first).not.toBeInstanceOf(DomainError);
        expect(bookingInvariantViolations((first as TransitionResult).booking)).toEqual([]);
        run(s);
      }),
      { numRuns: 500, seed: 20251122 },
    );
    // The runs must reach every status and accept every kind of event, or they prove little.
    expect([...explored.statuses.keys()].sort()).toEqual([
      "arrived",
      "cancelled",
      "completed",
      "confirmed",
      "expired",
      "in_progress",
      "on_the_way",
      "searching",
      "therapist_found",
    ]);
    expect(explored.accepted.size).toBe(eventTypes.length);
  });

  it("terminal states absorb every event", () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(choiceArb, { minLength: 1, maxLength: 10 }), (s, more) => {
        const last = run(s).states.at(-1) as Booking;
        fc.pre(isTerminal(last.status));
        for (const choice of more) {
          const [event, at] = buildEvent(
            last,
            { ...choice, staleVersion: false },
            therapists(s.pool),
            NOW + 5 * 60 * MIN,
          );
          const result = transition(last, event, at);
          expect(result).toBeInstanceOf(DomainError);
          expect((result as DomainError).code).toBe("invalid_transition");
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("a therapist is never offered the same booking twice", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { offers, states } = run(s);
        const ids = offers[0] ?? [];
        expect(new Set(ids).size).toBe(ids.length);
        expect((states.at(-1) as Booking).offeredTherapistIds).toEqual(ids);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});
