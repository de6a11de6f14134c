// Auto-retry: declines, offers that run out (the sweeper, with every browser closed), Find another, the attempt limit;
// and creation's idempotency, rate limit and discount code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query } from "node-appwrite";
import { cancelBooking } from "../src/bookings/cancel-booking";
import { findAnotherTherapist } from "../src/bookings/customer-decisions";
import { createBooking } from "../src/bookings/create-booking";
import { getCustomerBooking } from "../src/bookings/get-customer-booking";
import { reassignBooking } from "../src/bookings/reassign-booking";
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
import { rankedFor, systemKeysOf, transitionsOf } from "./support/fixtures";

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

const offersOf = (bookingId: string) =>
  engine.rows(TABLES.offers, [Query.equal("bookingId", bookingId), Query.orderAsc("attempt")]);

describe("auto-retry", () => {
  it("a decline offers the next-ranked therapist, never the same one twice", async () => {
    const { ctx } = engine;
    const input = bookingInput({ preferredLanguage: "en" });
    const ranked = await rankedFor(engine, input);
    const view = await createBooking(ctx, { customerId: newCustomerId(), input, idempotencyKey: newKey() });
    const bookingId = view.booking.id;
    const first = view.booking.offeredTherapistIds[0]!;
    expect(first).toBe(ranked[0]!.therapist.id);

    await respondToOffer(ctx, {
      therapistId: first,
      offerId: `${bookingId}_1`,
      response: "decline",
      reason: "too_far",
    });
    const after = (await getCustomerBooking(ctx, { customerId: view.booking.customerId, bookingId })).booking;
    expect(after).toMatchObject({ status: "searching", attempt: 2, version: 2 });
    // The next offer goes to the best of the rest, as booking-core ranks them now.
    const rest = await rankedFor(engine, input, [first]);
    expect(after.offeredTherapistIds).toEqual([first, rest[0]!.therapist.id]);
    const offers = await offersOf(bookingId);
    expect(offers.map((o) => [o.therapistId, o.status, o.declineReason])).toEqual([
      [first, "declined", "too_far"],
      [rest[0]!.therapist.id, "pending", null],
    ]);
    expect(await listPendingOffers(ctx, { therapistId: first })).toEqual([]);
    // Answering the closed offer again changes nothing.
    await expect(
      respondToOffer(ctx, { therapistId: first, offerId: `${bookingId}_1`, response: "accept" }),
    ).rejects.toMatchObject({ code: "no_longer_available" });
    expect(await systemKeysOf(engine, bookingId)).toEqual(["searching", "searching_again"]);
  });

  it("an offer that runs out moves on when the sweeper runs with an advanced clock; the last one expires", async () => {
    const { ctx, clock } = engine;
    const short = { ...ctx, lifecycle: { ...ctx.lifecycle, maxAttempts: 3 } };
    const view = await createBooking(short, {
      customerId: newCustomerId(),
      input: bookingInput({ lat: -8.72, lng: 115.17 }),
      idempotencyKey: newKey(),
    });
    const bookingId = view.booking.id;
    expect(view.booking.maxAttempts).toBe(3);

    // Before the deadline there is nothing to do.
    clock.advance((OFFER_WINDOW_SECONDS - 1) * 1000);
    await sweepDueBookings(ctx);
    expect((await engine.row(TABLES.bookings, bookingId)).version).toBe(1);

    const seen: string[] = [view.booking.offeredTherapistIds[0]!];
    for (let attempt = 2; attempt <= 4; attempt += 1) {
      clock.advance(2_000);
      const { advanced } = await sweepDueBookings(ctx);
      expect(advanced).toBeGreaterThanOrEqual(1);
      const row = await engine.row(TABLES.bookings, bookingId);
      if (attempt <= 3) {
        expect(row).toMatchObject({ status: "searching", attempt });
        seen.push(row.offeredTherapistIds.at(-1));
      } else {
        expect(row).toMatchObject({
          status: "expired",
          expiryReason: "max_attempts",
          attempt: 3,
          currentOfferId: null,
        });
      }
      clock.advance((OFFER_WINDOW_SECONDS - 2) * 1000);
    }
    expect(new Set(seen).size).toBe(3);
    const offers = await offersOf(bookingId);
    expect(offers.map((o) => o.status)).toEqual(["expired", "expired", "expired"]);
    // Each therapist who let it run out has a missed offer on record (earlier tests' open offers ran out in the same
    // sweeps, so some have more), and no open offer slot.
    for (const id of seen) {
      const t = await engine.row(TABLES.therapists, id);
      expect(t).toMatchObject({ currentOfferId: null, isBusy: false });
      expect(t.missedOffersInRow).toBeGreaterThanOrEqual(1);
    }
    expect(await systemKeysOf(engine, bookingId)).toEqual([
      "searching",
      "searching_again",
      "searching_again",
      "expired_no_therapist",
    ]);
    expect((await transitionsOf(engine, bookingId)).map((t) => t.event)).toEqual([
      "create",
      "offer_timed_out",
      "offer_timed_out",
      "offer_timed_out",
    ]);
  });

  it("Find another never brings back the same therapist, until nobody is left", async () => {
    const { ctx } = engine;
    const short = { ...ctx, lifecycle: { ...ctx.lifecycle, maxAttempts: 4 } };
    const customerId = newCustomerId();
    const view = await createBooking(short, { customerId, input: bookingInput(), idempotencyKey: newKey() });
    const bookingId = view.booking.id;
    let version = 1;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const booking = (await getCustomerBooking(ctx, { customerId, bookingId })).booking;
      const therapistId = booking.offeredTherapistIds.at(-1)!;
      await respondToOffer(ctx, { therapistId, offerId: `${bookingId}_${attempt}`, response: "accept" });
      version += 1;
      expect((await engine.row(TABLES.therapists, therapistId)).isBusy).toBe(true);
      const next = await findAnotherTherapist(short, { customerId, bookingId, expectedVersion: version });
      version += 1;
      // The released therapist is free again.
      expect((await engine.row(TABLES.therapists, therapistId)).isBusy).toBe(false);
      expect(next.booking.offeredTherapistIds.filter((id) => id === therapistId)).toHaveLength(1);
      if (attempt < 4) expect(next.booking).toMatchObject({ status: "searching", attempt: attempt + 1 });
      else expect(next.booking).toMatchObject({ status: "expired", expiryReason: "max_attempts" });
    }
    const offered = (await engine.row(TABLES.bookings, bookingId)).offeredTherapistIds as string[];
    expect(new Set(offered).size).toBe(4);
  });

  it("a stale Find another is a version conflict and changes nothing", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const view = await createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() });
    const bookingId = view.booking.id;
    await respondToOffer(ctx, {
      therapistId: view.booking.offeredTherapistIds[0]!,
      offerId: `${bookingId}_1`,
      response: "accept",
    });
    await expect(findAnotherTherapist(ctx, { customerId, bookingId, expectedVersion: 1 })).rejects.toMatchObject({
      code: "version_conflict",
    });
    await expect(
      findAnotherTherapist(ctx, { customerId: "someone-else", bookingId, expectedVersion: 2 }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await engine.row(TABLES.bookings, bookingId)).version).toBe(2);
  });
});

describe("creating a booking", () => {
  it("two concurrent requests with the same key create one booking", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const idempotencyKey = newKey();
    const input = bookingInput();
    const [a, b, c] = await Promise.all([
      createBooking(ctx, { customerId, input, idempotencyKey }),
      createBooking(engine.secondContext(), { customerId, input, idempotencyKey }),
      createBooking(ctx, { customerId, input, idempotencyKey }),
    ]);
    expect(b.booking.id).toBe(a.booking.id);
    expect(c.booking.id).toBe(a.booking.id);
    const rows = await engine.rows(TABLES.bookings, [Query.equal("customerId", customerId)]);
    expect(rows).toHaveLength(1);
    expect(await offersOf(a.booking.id)).toHaveLength(1);
    // A later retry replays; the same key with a different body is refused.
    expect((await createBooking(ctx, { customerId, input, idempotencyKey })).booking.id).toBe(a.booking.id);
    await expect(
      createBooking(ctx, { customerId, input: bookingInput({ duration: 90 }), idempotencyKey }),
    ).rejects.toMatchObject({ code: "idempotency_mismatch" });
  });

  it("allows 5 bookings per customer per hour", async () => {
    const { ctx, clock } = engine;
    const customerId = newCustomerId();
    const input = bookingInput({ lat: -8.8, lng: 115.23 });
    // Each one cancelled again: one booking under way at a time is a rule of its own (limits.test.ts).
    const bookAndCancel = async () => {
      const { booking } = await createBooking(ctx, { customerId, input, idempotencyKey: newKey() });
      const actor = { role: "customer" as const, customerId };
      await cancelBooking(ctx, {
        actor,
        bookingId: booking.id,
        expectedVersion: booking.version,
        reason: "changed_mind",
      });
    };
    for (let i = 0; i < 5; i += 1) await bookAndCancel();
    await expect(createBooking(ctx, { customerId, input, idempotencyKey: newKey() })).rejects.toMatchObject({
      code: "rate_limited",
    });
    clock.advance(12 * 60_000);
    await expect(createBooking(ctx, { customerId, input, idempotencyKey: newKey() })).resolves.toBeDefined();
  });

  it("applies a discount code once per customer", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const view = await createBooking(ctx, {
      customerId,
      input: bookingInput({ discountCode: "tenang10", lat: -8.65, lng: 115.14 }),
      idempotencyKey: newKey(),
    });
    expect(view.booking).toMatchObject({
      price: 250_000,
      discountAmount: 25_000,
      amount: 225_000,
      discountCode: "TENANG10",
    });
    expect((await engine.row(TABLES.discountCodes, "tenang10")).usedCount).toBe(1);
    const actor = { role: "customer" as const, customerId };
    await cancelBooking(ctx, { actor, bookingId: view.booking.id, expectedVersion: 1, reason: "changed_mind" });
    await expect(
      createBooking(ctx, {
        customerId,
        input: bookingInput({ discountCode: "TENANG10", lat: -8.65, lng: 115.14 }),
        idempotencyKey: newKey(),
      }),
    ).rejects.toMatchObject({ code: "discount_invalid" });
  });

  it("with nobody eligible the booking is created already expired", async () => {
    const { ctx } = engine;
    const view = await createBooking(ctx, {
      customerId: newCustomerId(),
      // Nusa Penida: inside Bali's service area, beyond every therapist's radius.
      input: bookingInput({ lat: -8.73, lng: 115.54 }),
      idempotencyKey: newKey(),
    });
    expect(view.booking).toMatchObject({ status: "expired", expiryReason: "no_therapist_available", attempt: 0 });
    expect(await systemKeysOf(engine, view.booking.id)).toEqual(["searching", "expired_no_therapist"]);
  });
});

describe("other deadlines and support", () => {
  it("a customer who does not decide in time: expired, therapist released", async () => {
    const { ctx, clock } = engine;
    const customerId = newCustomerId();
    const view = await createBooking(ctx, {
      customerId,
      input: bookingInput({ lat: -8.68, lng: 115.26 }),
      idempotencyKey: newKey(),
    });
    const therapistId = view.booking.offeredTherapistIds[0]!;
    await respondToOffer(ctx, { therapistId, offerId: view.booking.currentOfferId!, response: "accept" });
    clock.advance(5 * 60_000);
    await sweepDueBookings(ctx);
    const row = await engine.row(TABLES.bookings, view.booking.id);
    expect(row).toMatchObject({
      status: "expired",
      expiryReason: "customer_no_response",
      customerDecisionDeadline: null,
    });
    expect((await engine.row(TABLES.therapists, therapistId)).isBusy).toBe(false);
  });

  it("a scheduled search nobody accepted ends at its response deadline, open offer withdrawn", async () => {
    const { ctx, clock } = engine;
    const scheduledFor = tomorrowAtWita(clock().getTime(), 11);
    const view = await createBooking(ctx, {
      customerId: newCustomerId(),
      input: bookingInput({ source: "scheduled", kind: "scheduled", scheduledFor, lat: -8.79, lng: 115.16 }),
      idempotencyKey: newKey(),
    });
    expect(view.booking.status).toBe("searching");
    clock.set(Date.parse(view.booking.responseDeadline!));
    await sweepDueBookings(ctx);
    expect(await engine.row(TABLES.bookings, view.booking.id)).toMatchObject({
      status: "expired",
      expiryReason: "response_deadline",
    });
    const offers = await offersOf(view.booking.id);
    expect(offers.at(-1)?.status).toBe("withdrawn");
  });

  it("support's reassignment racing the offer's timeout: exactly one applies", async () => {
    const { ctx, clock } = engine;
    const input = bookingInput({ lat: -8.65, lng: 115.14 });
    const view = await createBooking(ctx, { customerId: newCustomerId(), input, idempotencyKey: newKey() });
    const chosen = (await rankedFor(engine, input, view.booking.offeredTherapistIds))[0]!.therapist.id;
    clock.advance(OFFER_WINDOW_SECONDS * 1000);
    const [reassigned, swept] = await Promise.allSettled([
      reassignBooking(ctx, {
        adminId: "demo-admin",
        bookingId: view.booking.id,
        expectedVersion: 1,
        therapistId: chosen,
      }),
      sweepDueBookings(engine.secondContext()),
    ]);
    const row = await engine.row(TABLES.bookings, view.booking.id);
    expect(row.version).toBe(2);
    const transitions = await transitionsOf(engine, view.booking.id);
    expect(transitions).toHaveLength(2);
    if (reassigned.status === "fulfilled") {
      expect(transitions[1]!.event).toBe("reassign");
      expect(row).toMatchObject({ requestedTherapistId: chosen, status: "searching" });
      expect(row.offeredTherapistIds.at(-1)).toBe(chosen);
    } else {
      expect((reassigned.reason as { code: string }).code).toBe("version_conflict");
      expect(transitions[1]!.event).toBe("offer_timed_out");
    }
    expect(swept.status).toBe("fulfilled");
  });
});
