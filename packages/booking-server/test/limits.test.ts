// One booking under way per customer, at most three upcoming scheduled ones: refused with the booking to go back to,
// freed as soon as that booking ends, and exact under races (the customer's creation lock, customer_holds).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitRowId } from "@tenang/booking-core/rate-limit";
import { Query } from "node-appwrite";
import { cancelBooking } from "../src/bookings/cancel-booking";
import { createBooking } from "../src/bookings/create-booking";
import { getActiveCustomerBooking } from "../src/bookings/get-customer-booking";
import { updateBookingProgress } from "../src/bookings/update-progress";
import type { BookingServerContext } from "../src/context";
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

let engine: Engine;
let other: BookingServerContext;
beforeAll(async () => {
  engine = await startEngine();
  other = engine.secondContext();
});
afterAll(() => engine.close());

const bookingsOf = (customerId: string) => engine.rows(TABLES.bookings, [Query.equal("customerId", customerId)]);
const holdsOf = (customerId: string) => engine.rows(TABLES.customerHolds, [Query.equal("customerId", customerId)]);

// Racers book in different areas, so they are offered different therapists: the customer's own lock is then the only
// thing they can collide on (a shared therapist's lock would serialise them too, and hide a missing customer lock).
const AREAS = [
  { lat: -8.6913, lng: 115.1682 }, // Seminyak
  { lat: -8.6478, lng: 115.1385 }, // Canggu
  { lat: -8.5069, lng: 115.2625 }, // Ubud
  { lat: -8.6783, lng: 115.263 }, // Sanur
];

function scheduledInput(hour: number, where = AREAS[0]) {
  return bookingInput({
    ...where,
    source: "scheduled",
    kind: "scheduled",
    scheduledFor: tomorrowAtWita(engine.clock().getTime(), hour),
  });
}

describe("one booking under way per customer", () => {
  it("refuses a second Book now while one is open, naming it, and writes nothing", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const first = await createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() });
    const rateLimit = await engine
      .row(TABLES.rateLimits, rateLimitRowId("createBooking", customerId))
      .catch(() => null);

    const refused = createBooking(ctx, { customerId, input: bookingInput({ duration: 90 }), idempotencyKey: newKey() });
    await expect(refused).rejects.toMatchObject({
      code: "active_booking_exists",
      details: { activeBookingId: first.booking.id },
    });
    // Scheduling something meanwhile is refused too: the booking under way comes first.
    await expect(
      createBooking(ctx, { customerId, input: scheduledInput(10), idempotencyKey: newKey() }),
    ).rejects.toMatchObject({ code: "active_booking_exists", details: { activeBookingId: first.booking.id } });

    expect((await bookingsOf(customerId)).map((b) => b.$id)).toEqual([first.booking.id]);
    expect(await holdsOf(customerId)).toHaveLength(1);
    // A refused request consumed nothing of the hourly allowance.
    const after = await engine.row(TABLES.rateLimits, rateLimitRowId("createBooking", customerId)).catch(() => null);
    expect(after?.state).toEqual(rateLimit?.state);
    // Retrying the first request is still a replay, not a refusal.
    const replay = await createBooking(ctx, {
      customerId,
      input: bookingInput(),
      idempotencyKey: first.booking.idempotencyKey!,
    });
    expect(replay.booking.id).toBe(first.booking.id);
  });

  it("a booking that ends frees the customer: cancelled, or completed", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const first = await createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() });
    await cancelBooking(ctx, {
      actor: { role: "customer", customerId },
      bookingId: first.booking.id,
      expectedVersion: first.booking.version,
      reason: "changed_mind",
    });
    const { booking, therapistId } = await confirmedBooking(engine, customerId);
    await expect(
      createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() }),
    ).rejects.toMatchObject({ code: "active_booking_exists", details: { activeBookingId: booking.id } });
    await completeBooking(engine, booking, therapistId);
    const next = await createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() });
    expect((await bookingsOf(customerId)).map((b) => b.$id)).toContain(next.booking.id);
    expect((await holdsOf(customerId)).map((h) => h.sequence as number).sort((a, b) => a - b)).toEqual([1, 2, 3]);
  });

  it("two (or four) concurrent Book nows with different keys: exactly one booking, every other one told which", async () => {
    for (const racers of [2, 4]) {
      const customerId = newCustomerId();
      const results = await Promise.allSettled(
        Array.from({ length: racers }, (_, i) =>
          createBooking(i % 2 === 0 ? engine.ctx : other, {
            customerId,
            input: bookingInput(AREAS[i]),
            idempotencyKey: newKey(),
          }),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof createBooking>>>).value.booking;
      for (const lost of results.filter((r) => r.status === "rejected")) {
        expect(codeOf(lost)).toBe("active_booking_exists");
        expect((lost as PromiseRejectedResult).reason.details.activeBookingId).toBe(winner.id);
      }
      const rows = await bookingsOf(customerId);
      expect(rows.map((r) => r.$id)).toEqual([winner.id]);
      // Only the winner's offer, rate-limit grant and lock row were written.
      expect(await engine.rows(TABLES.offers, [Query.equal("bookingId", winner.id)])).toHaveLength(1);
      expect((await holdsOf(customerId)).map((h) => h.bookingId)).toEqual([winner.id]);
    }
  });
});

describe("scheduled bookings", () => {
  it("a visit later does not block Book now; at most three upcoming ones", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    for (const hour of [10, 13, 16]) {
      await createBooking(ctx, { customerId, input: scheduledInput(hour), idempotencyKey: newKey() });
    }
    await expect(
      createBooking(ctx, { customerId, input: scheduledInput(19), idempotencyKey: newKey() }),
    ).rejects.toMatchObject({ code: "scheduled_limit_reached", details: { limit: 3 } });
    const now = await createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() });
    expect(now.booking.kind).toBe("immediate");
    expect(await bookingsOf(customerId)).toHaveLength(4);
  });

  it("a scheduled visit under way blocks Book now, and is the booking the customer is sent back to", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const { booking, therapistId } = await confirmedBooking(engine, customerId, {
      source: "scheduled",
      kind: "scheduled",
      scheduledFor: tomorrowAtWita(engine.clock().getTime(), 10),
    });
    await updateBookingProgress(ctx, {
      therapistId,
      bookingId: booking.id,
      expectedVersion: booking.version,
      input: { status: "on_the_way", expectedVersion: booking.version },
    });
    // Scheduling another visit is still fine; it is the newest open booking.
    const later = await createBooking(ctx, { customerId, input: scheduledInput(16), idempotencyKey: newKey() });
    await expect(
      createBooking(ctx, { customerId, input: bookingInput(), idempotencyKey: newKey() }),
    ).rejects.toMatchObject({ code: "active_booking_exists", details: { activeBookingId: booking.id } });
    const resume = await getActiveCustomerBooking(ctx, { customerId });
    expect(resume?.booking.id).toBe(booking.id);
    expect(resume?.booking.id).not.toBe(later.booking.id);
  });

  it("two concurrent requests for the last free place: exactly one is scheduled", async () => {
    const customerId = newCustomerId();
    for (const hour of [10, 13]) {
      await createBooking(engine.ctx, { customerId, input: scheduledInput(hour), idempotencyKey: newKey() });
    }
    const results = await Promise.allSettled([
      createBooking(engine.ctx, { customerId, input: scheduledInput(16, AREAS[2]), idempotencyKey: newKey() }),
      createBooking(other, { customerId, input: scheduledInput(19, AREAS[3]), idempotencyKey: newKey() }),
    ]);
    expect(results.map(codeOf).sort()).toEqual(["ok", "scheduled_limit_reached"]);
    expect(await bookingsOf(customerId)).toHaveLength(3);
  });
});
