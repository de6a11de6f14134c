// Ratings of completed bookings: once per booking, by its customer, within 7 days; the provider's totals move in the
// same transaction (exact sum, count, one-decimal mean), and stay exact under double submits and concurrent ratings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query } from "node-appwrite";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import { changeBooking } from "../src/bookings/booking-engine";
import { createBooking } from "../src/bookings/create-booking";
import { getCustomerBooking } from "../src/bookings/get-customer-booking";
import type { BookingServerContext } from "../src/context";
import { respondToOffer } from "../src/bookings/respond-to-offer";
import { rateBooking } from "../src/bookings/rate-booking";
import { getTherapistBooking, listTherapistBookings } from "../src/therapists/list-therapist-bookings";
import { completeBooking, confirmedBooking } from "./support/flows";
import {
  type Engine,
  TABLES,
  bookingInput,
  newCustomerId,
  newKey,
  startEngine,
  tomorrowAtWita,
} from "./support/engine";
import { codeOf } from "./support/settled";
import { type SessionUser, createSessionUser, linkTherapistUser, rankedFor, readAs } from "./support/fixtures";

let engine: Engine;
let other: BookingServerContext;
beforeAll(async () => {
  engine = await startEngine();
  other = engine.secondContext();
});
afterAll(() => engine.close());

const DAY = 24 * 3_600_000;

async function totalsOf(tableId: string, rowId: string) {
  const row = await engine.row(tableId, rowId);
  return { rating: row.rating as number, ratingCount: row.ratingCount as number, ratingSum: row.ratingSum as number };
}

/** A booking of `customerId` with the therapist ranked first for it, taken to completed. */
async function completedBooking(customerId: string): Promise<{ booking: Booking; therapistId: string }> {
  const { booking, therapistId } = await confirmedBooking(engine, customerId);
  return { booking: await completeBooking(engine, booking, therapistId), therapistId };
}

/** A booking that asks for `therapistId` by name (confirmed on their acceptance), taken to completed. */
async function completedWith(therapistId: string): Promise<Booking> {
  const customerId = newCustomerId();
  const view = await createBooking(engine.ctx, {
    customerId,
    input: bookingInput({ therapistId }),
    idempotencyKey: newKey(),
  });
  await respondToOffer(engine.ctx, { therapistId, offerId: view.booking.currentOfferId!, response: "accept" });
  const confirmed = (await getCustomerBooking(engine.ctx, { customerId, bookingId: view.booking.id })).booking;
  expect(confirmed.status).toBe("confirmed");
  return completeBooking(engine, confirmed, therapistId);
}

describe("rating a completed booking", () => {
  let customer: SessionUser;
  let stranger: SessionUser;
  let therapistUser: SessionUser;

  beforeAll(async () => {
    customer = await createSessionUser(engine, "Emma");
    stranger = await createSessionUser(engine, "Someone Else");
    therapistUser = await createSessionUser(engine, "Therapist");
  });

  it("stores the rating, moves the therapist's totals in the same transaction, and both sides see it", async () => {
    const { ctx } = engine;
    const [best] = await rankedFor(engine, bookingInput());
    await linkTherapistUser(engine, best!.therapist.id, therapistUser.userId);
    const { booking, therapistId } = await completedBooking(customer.userId);
    expect(therapistId).toBe(best!.therapist.id);
    const before = await totalsOf(TABLES.therapists, therapistId);

    engine.clock.advance(2 * 3_600_000);
    const view = await rateBooking(ctx, {
      customerId: customer.userId,
      bookingId: booking.id,
      input: { stars: 4, comment: "Lovely, on time." },
    });
    const createdAt = engine.clock().toISOString();
    expect(view.rating).toEqual({ stars: 4, comment: "Lovely, on time.", createdAt });
    expect(view.booking.id).toBe(booking.id);

    const sum = before.ratingSum + 4;
    const count = before.ratingCount + 1;
    expect(await totalsOf(TABLES.therapists, therapistId)).toEqual({
      rating: Math.round((sum * 10) / count) / 10,
      ratingCount: count,
      ratingSum: sum,
    });
    const row = await engine.row(TABLES.ratings, booking.id);
    expect(row).toMatchObject({
      bookingId: booking.id,
      providerType: "therapist",
      therapistId,
      placeId: null,
      customerId: customer.userId,
      stars: 4,
      providerSequence: before.ratingCount,
    });
    // Readable by the customer and the rated therapist, by nobody else.
    expect(await readAs(customer, engine, TABLES.ratings, booking.id)).toBe(200);
    expect(await readAs(therapistUser, engine, TABLES.ratings, booking.id)).toBe(200);
    expect(await readAs(stranger, engine, TABLES.ratings, booking.id)).toBe(404);

    // The customer's booking carries it from now on; so do the therapist's history and booking views.
    const again = await getCustomerBooking(ctx, { customerId: customer.userId, bookingId: booking.id });
    expect(again.rating).toEqual(view.rating);
    const history = await listTherapistBookings(ctx, { therapistId, scope: "history" });
    expect(history.find((v) => v.booking.id === booking.id)?.rating).toEqual(view.rating);
    expect((await getTherapistBooking(ctx, { therapistId, bookingId: booking.id })).rating).toEqual(view.rating);
  });

  it("a second rating of the same booking is 409 already_rated, and counts nothing", async () => {
    const { ctx } = engine;
    const [rated] = await engine.rows(TABLES.ratings, [Query.equal("customerId", customer.userId)]);
    const therapistId = rated!.therapistId as string;
    const before = await totalsOf(TABLES.therapists, therapistId);
    await expect(
      rateBooking(ctx, { customerId: customer.userId, bookingId: rated!.$id, input: { stars: 1, comment: null } }),
    ).rejects.toMatchObject({ code: "already_rated" });
    expect(await totalsOf(TABLES.therapists, therapistId)).toEqual(before);
    expect((await engine.row(TABLES.ratings, rated!.$id)).stars).toBe(4);
  });

  it("concurrent double submits: exactly one rating, the count goes up by one", async () => {
    for (let round = 0; round < 3; round += 1) {
      const customerId = newCustomerId();
      const { booking, therapistId } = await completedBooking(customerId);
      const before = await totalsOf(TABLES.therapists, therapistId);
      const submit = (ctx: BookingServerContext, stars: number) =>
        rateBooking(ctx, { customerId, bookingId: booking.id, input: { stars, comment: null } });
      const results = await Promise.allSettled([submit(engine.ctx, 5), submit(other, 3), submit(engine.ctx, 5)]);
      expect(results.map(codeOf).sort()).toEqual(["already_rated", "already_rated", "ok"]);
      const stars = (await engine.row(TABLES.ratings, booking.id)).stars as number;
      expect(await engine.rows(TABLES.ratings, [Query.equal("bookingId", booking.id)])).toHaveLength(1);
      const after = await totalsOf(TABLES.therapists, therapistId);
      expect(after).toMatchObject({ ratingCount: before.ratingCount + 1, ratingSum: before.ratingSum + stars });
    }
  });

  it("two bookings of one therapist rated at once: both counted, the sum exact", async () => {
    const [best] = await rankedFor(engine, bookingInput());
    const therapistId = best!.therapist.id;
    const first = await completedWith(therapistId);
    const second = await completedWith(therapistId);
    const before = await totalsOf(TABLES.therapists, therapistId);
    await Promise.all([
      rateBooking(engine.ctx, {
        customerId: first.customerId,
        bookingId: first.id,
        input: { stars: 5, comment: null },
      }),
      rateBooking(other, { customerId: second.customerId, bookingId: second.id, input: { stars: 2, comment: null } }),
    ]);
    const sum = before.ratingSum + 7;
    const count = before.ratingCount + 2;
    expect(await totalsOf(TABLES.therapists, therapistId)).toEqual({
      rating: Math.round((sum * 10) / count) / 10,
      ratingCount: count,
      ratingSum: sum,
    });
    const sequences = await Promise.all(
      [first.id, second.id].map(async (id) => (await engine.row(TABLES.ratings, id)).providerSequence),
    );
    expect(sequences.map(Number).sort((a, b) => a - b)).toEqual([before.ratingCount, before.ratingCount + 1]);
  });

  it("refuses a stranger (404), a booking not completed yet, and after seven days", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const { booking, therapistId } = await confirmedBooking(engine, customerId);
    const input = { stars: 5, comment: null };
    await expect(rateBooking(ctx, { customerId, bookingId: booking.id, input })).rejects.toMatchObject({
      code: "invalid_transition",
      details: { problem: "not_completed" },
    });
    const done = await completeBooking(engine, booking, therapistId);
    await expect(rateBooking(ctx, { customerId: newCustomerId(), bookingId: done.id, input })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(rateBooking(ctx, { customerId, bookingId: "no-such-booking", input })).rejects.toMatchObject({
      code: "not_found",
    });
    engine.clock.advance(7 * DAY);
    await expect(rateBooking(ctx, { customerId, bookingId: done.id, input })).rejects.toMatchObject({
      code: "invalid_transition",
      details: { problem: "window_closed" },
    });
    expect(await engine.rows(TABLES.ratings, [Query.equal("bookingId", done.id)])).toEqual([]);
  });

  it("a spa booking moves the spa's totals", async () => {
    const { ctx, clock } = engine;
    // Tomorrow 11:00 WITA: inside the spa's opening hours whenever the test runs.
    clock.set(Date.parse(tomorrowAtWita(clock().getTime(), 11)));
    const placeId = "place-02";
    const customerId = newCustomerId();
    const view = await createBooking(ctx, {
      customerId,
      input: bookingInput({ providerType: "place", placeId, address: "Jl. Kayu Aya No. 7, Seminyak" }),
      idempotencyKey: newKey(),
    });
    const actor = { role: "place" as const, placeId };
    for (const type of ["accept_offer", "arrive", "start", "complete"] as const) {
      clock.advance(60_000);
      await changeBooking(ctx, {
        bookingId: view.booking.id,
        onMoved: "fail",
        buildEvent: async ({ booking }) =>
          type === "accept_offer"
            ? { type, expectedVersion: booking.version, actor, offerId: null, commitments: [] }
            : { type, expectedVersion: booking.version, actor },
      });
    }
    const before = await totalsOf(TABLES.places, placeId);
    const rated = await rateBooking(ctx, {
      customerId,
      bookingId: view.booking.id,
      input: { stars: 5, comment: null },
    });
    expect(rated.rating).toMatchObject({ stars: 5, comment: null });
    expect(rated.therapist).toBeNull();
    expect(await totalsOf(TABLES.places, placeId)).toMatchObject({
      ratingCount: before.ratingCount + 1,
      ratingSum: before.ratingSum + 5,
    });
    expect(await engine.row(TABLES.ratings, view.booking.id)).toMatchObject({ providerType: "place", placeId });
  });
});
