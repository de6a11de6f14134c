// Exactly one winner per race, checked in the database after each one: the booking, its offer, the therapist's busy
// flag and offer slot, the commission, and the lock rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query } from "node-appwrite";
import { isDomainError } from "@tenang/booking-core/errors";
import { type BookingEvent } from "@tenang/booking-core/lifecycle/events";
import { transition } from "@tenang/booking-core/lifecycle/transitions";
import { commitWriteSet } from "../src/appwrite/write-set";
import { planBookingWrites } from "../src/bookings/booking-engine";
import { requireBooking } from "../src/shared/booking-repository";
import type { BookingServerContext } from "../src/context";
import { TherapistCache } from "../src/therapists/therapist-repository";
import { cancelBooking } from "../src/bookings/cancel-booking";
import { createBooking } from "../src/bookings/create-booking";
import { listPendingOffers } from "../src/offers/list-pending-offers";
import { respondToOffer } from "../src/bookings/respond-to-offer";
import { sweepDueBookings } from "../src/sweeper/sweep-due-bookings";
import {
  type Engine,
  OFFER_WINDOW_SECONDS,
  TABLES,
  bookingInput,
  newCustomerId,
  newKey,
  startEngine,
  tomorrowAtWita,
} from "./support/engine";
import { codeOf } from "./support/settled";
import { rankedFor, transitionsOf } from "./support/fixtures";

let engine: Engine;
let other: BookingServerContext;
beforeAll(async () => {
  engine = await startEngine();
  other = engine.secondContext();
});
afterAll(() => engine.close());

describe("the lock rows", () => {
  it("two writers planned from the same version: the second commit fails as a whole", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const view = await createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() });
    const stored = await requireBooking(ctx, view.booking.id);
    const therapistId = view.booking.offeredTherapistIds[0]!;
    const now = engine.clock();
    const plan = async (event: BookingEvent) => {
      const result = transition(stored.booking, event, now, ctx.lifecycle);
      if (isDomainError(result)) throw result;
      return planBookingWrites(ctx, {
        before: stored,
        after: result.booking,
        effects: result.effects,
        event: { type: event.type, actorRole: event.actor.role, actorId: null },
        now,
        therapists: new TherapistCache(ctx),
      });
    };
    const cancel = await plan({
      type: "cancel",
      expectedVersion: 1,
      actor: { role: "customer", customerId },
      reason: "changed_mind",
    });
    const accept = await plan({
      type: "accept_offer",
      expectedVersion: 1,
      actor: { role: "therapist", therapistId },
      offerId: view.booking.currentOfferId,
      commitments: [],
    });
    expect(await commitWriteSet(ctx, accept)).toEqual({ ok: true });
    expect(await commitWriteSet(other, cancel)).toEqual({ ok: false, reason: "conflict" });

    // Nothing of the cancel landed: not the booking, the offer, the message, nor the therapist's row.
    expect(await engine.row(TABLES.bookings, view.booking.id)).toMatchObject({ status: "therapist_found", version: 2 });
    expect((await engine.row(TABLES.offers, view.booking.currentOfferId!)).status).toBe("accepted");
    const keys = (await engine.rows(TABLES.messages, [Query.equal("bookingId", view.booking.id)])).map(
      (m) => m.systemKey,
    );
    expect(keys).toEqual(["searching", "therapist_found"]);
    expect(await engine.row(TABLES.therapists, therapistId)).toMatchObject({ isBusy: true, holdVersion: 2 });
    await cancelBooking(ctx, {
      actor: { role: "customer", customerId },
      bookingId: view.booking.id,
      expectedVersion: 2,
      reason: "changed_mind",
    });
  });
});

describe("races", () => {
  it("customer cancel vs therapist accept, 20 times: one outcome each time, consistent rows", async () => {
    const { ctx } = engine;
    const tally = { cancelled: 0, accepted: 0 };
    for (let run = 0; run < 20; run += 1) {
      const customerId = newCustomerId();
      // Odd runs: the customer picked the therapist, so accepting confirms at once (commission recorded).
      const requested = run % 2 === 1;
      let input = bookingInput();
      if (requested) input = bookingInput({ therapistId: (await rankedFor(engine, input))[0]!.therapist.id });
      const view = await createBooking(ctx, { customerId, input, idempotencyKey: newKey() });
      const bookingId = view.booking.id;
      const therapistId = view.booking.offeredTherapistIds[0]!;
      const offerId = view.booking.currentOfferId!;

      // The accept does more reads before it writes; a varying head start for it makes both outcomes happen.
      const headStart = (run % 10) * 3;
      const [cancel, accept] = await Promise.allSettled([
        new Promise((resolve) => setTimeout(resolve, headStart)).then(() =>
          cancelBooking(ctx, {
            actor: { role: "customer", customerId },
            bookingId,
            expectedVersion: 1,
            reason: "changed_mind",
          }),
        ),
        respondToOffer(other, { therapistId, offerId, response: "accept" }),
      ]);
      const outcome = [codeOf(cancel), codeOf(accept)];
      expect([
        ["ok", "no_longer_available"],
        ["version_conflict", "ok"],
      ]).toContainEqual(outcome);

      const booking = await engine.row(TABLES.bookings, bookingId);
      const offer = await engine.row(TABLES.offers, offerId);
      const therapist = await engine.row(TABLES.therapists, therapistId);
      const commissions = await engine.rows(TABLES.commissions, [Query.equal("bookingId", bookingId)]);
      const transitions = await transitionsOf(engine, bookingId);
      expect(booking.version).toBe(2);
      expect(transitions).toHaveLength(2);
      expect(therapist.currentOfferId).toBeNull();
      if (outcome[0] === "ok") {
        tally.cancelled += 1;
        expect(booking).toMatchObject({ status: "cancelled", cancelledBy: "customer", currentOfferId: null });
        expect(offer.status).toBe("withdrawn");
        expect((await listPendingOffers(ctx, { therapistId })).map((v) => v.offer.id)).not.toContain(offerId);
        expect(therapist.isBusy).toBe(false);
        expect(commissions).toHaveLength(0);
        expect(transitions[1]!.event).toBe("cancel");
      } else {
        tally.accepted += 1;
        expect(booking).toMatchObject({ status: requested ? "confirmed" : "therapist_found", therapistId });
        expect(offer.status).toBe("accepted");
        expect(therapist.isBusy).toBe(true);
        expect(commissions).toHaveLength(requested ? 1 : 0);
        expect(transitions[1]!.event).toBe("accept_offer");
        // Release the therapist for the next run.
        await cancelBooking(ctx, {
          actor: { role: "customer", customerId },
          bookingId,
          expectedVersion: 2,
          reason: "changed_mind",
        });
        expect((await engine.row(TABLES.therapists, therapistId)).isBusy).toBe(false);
        if (requested) expect((await engine.row(TABLES.commissions, bookingId)).status).toBe("void");
      }
    }
    console.log(`cancel vs accept over 20 runs: ${JSON.stringify(tally)}`);
    expect(tally.cancelled + tally.accepted).toBe(20);
  });

  it("two immediate bookings at once never offer one therapist both", async () => {
    const { ctx } = engine;
    const input = bookingInput();
    const views = await Promise.all([
      createBooking(ctx, { customerId: newCustomerId(), input, idempotencyKey: newKey() }),
      createBooking(other, { customerId: newCustomerId(), input, idempotencyKey: newKey() }),
      createBooking(ctx, { customerId: newCustomerId(), input, idempotencyKey: newKey() }),
    ]);
    const offered = views.map((v) => v.booking.offeredTherapistIds[0]);
    expect(new Set(offered).size).toBe(3);
    for (const v of views) {
      const t = await engine.row(TABLES.therapists, v.booking.offeredTherapistIds[0]!);
      expect(t.currentOfferId).toBe(v.booking.currentOfferId);
    }
    for (const v of views) {
      await cancelBooking(ctx, {
        actor: { role: "customer", customerId: v.booking.customerId },
        bookingId: v.booking.id,
        expectedVersion: 1,
        reason: "changed_mind",
      });
    }
  });

  it("two sweepers at once: every due booking is advanced exactly once", async () => {
    const { ctx, clock } = engine;
    const spots = [
      { lat: -8.6913, lng: 115.1682 },
      { lat: -8.6478, lng: 115.1385 },
      { lat: -8.718, lng: 115.1686 },
      { lat: -8.6833, lng: 115.2614 },
      { lat: -8.7909, lng: 115.1603 },
      { lat: -8.8009, lng: 115.2312 },
    ];
    const ids: string[] = [];
    for (const spot of spots) {
      const view = await createBooking(ctx, {
        customerId: newCustomerId(),
        input: bookingInput(spot),
        idempotencyKey: newKey(),
      });
      expect(view.booking.status).toBe("searching");
      ids.push(view.booking.id);
    }
    clock.advance((OFFER_WINDOW_SECONDS + 1) * 1000);
    const [a, b] = await Promise.all([sweepDueBookings(ctx), sweepDueBookings(other)]);
    expect(a.advanced + b.advanced).toBe(ids.length);

    const openSlots = new Map<string, string>();
    for (const id of ids) {
      const booking = await engine.row(TABLES.bookings, id);
      expect(booking.version).toBe(2);
      const transitions = await transitionsOf(engine, id);
      expect(transitions.map((t) => [t.fromVersion, t.event])).toEqual([
        [0, "create"],
        [1, "offer_timed_out"],
      ]);
      const offers = await engine.rows(TABLES.offers, [Query.equal("bookingId", id)]);
      expect(offers.filter((o) => o.status === "expired")).toHaveLength(1);
      if (booking.status === "searching") {
        expect(offers.filter((o) => o.status === "pending")).toHaveLength(1);
        const next = booking.offeredTherapistIds[1] as string;
        expect(openSlots.has(next)).toBe(false);
        openSlots.set(next, booking.currentOfferId);
        expect((await engine.row(TABLES.therapists, next)).currentOfferId).toBe(booking.currentOfferId);
      }
    }
    // A third sweep right after finds nothing left to do.
    expect(await sweepDueBookings(ctx)).toEqual({ advanced: 0, conflicts: 0, sessionsEnded: 0 });
  });

  it("one therapist accepting two overlapping bookings at once: at most one wins", async () => {
    const { ctx } = engine;
    const scheduledFor = tomorrowAtWita(engine.clock().getTime(), 10);
    for (let run = 0; run < 5; run += 1) {
      const probe = bookingInput({ source: "scheduled", kind: "scheduled", scheduledFor });
      const therapistId = (await rankedFor(engine, probe))[0]!.therapist.id;
      const input = bookingInput({ source: "scheduled", kind: "scheduled", scheduledFor, therapistId });
      const [one, two] = await Promise.all([
        createBooking(ctx, { customerId: newCustomerId(), input, idempotencyKey: newKey() }),
        createBooking(other, { customerId: newCustomerId(), input, idempotencyKey: newKey() }),
      ]);
      // Scheduled offers do not take the therapist's one immediate-offer slot: both reach them.
      expect(one.booking.offeredTherapistIds).toEqual([therapistId]);
      expect(two.booking.offeredTherapistIds).toEqual([therapistId]);

      const results = await Promise.allSettled([
        respondToOffer(ctx, { therapistId, offerId: one.booking.currentOfferId!, response: "accept" }),
        respondToOffer(other, { therapistId, offerId: two.booking.currentOfferId!, response: "accept" }),
      ]);
      const codes = results.map(codeOf).sort();
      expect(codes).toEqual(["ok", "overlapping_booking"]);
      const rows = await Promise.all([one, two].map((v) => engine.row(TABLES.bookings, v.booking.id)));
      expect(rows.map((r) => r.status).sort()).toEqual(["confirmed", "searching"]);
      const commissions = await engine.rows(TABLES.commissions, [
        Query.equal("therapistId", therapistId),
        Query.equal("status", "pending"),
      ]);
      expect(commissions).toHaveLength(1);
      for (const row of rows) {
        await cancelBooking(ctx, {
          actor: { role: "customer", customerId: row.customerId },
          bookingId: row.$id,
          expectedVersion: row.version,
          reason: "changed_mind",
        });
      }
    }
  });
});
