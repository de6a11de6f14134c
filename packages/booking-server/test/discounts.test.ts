// The discount quote before booking: the price it applies to (standard, therapist's, spa's), booking-core's reasons
// for a refusal, and the per-guest limit on tries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discountQuoteInputSchema } from "@tenang/booking-core/schemas/discount-code";
import { createBooking } from "../src/bookings/create-booking";
import { quoteDiscount } from "../src/discounts/quote-discount";
import { type Engine, TABLES, bookingInput, newCustomerId, newKey, startEngine } from "./support/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

const quote = (customerId: string, input: Record<string, unknown>) =>
  quoteDiscount(engine.ctx, { customerId, input: discountQuoteInputSchema.parse(input) });

describe("quoting a discount code", () => {
  it("applies to the standard price, the therapist's or the spa's", async () => {
    const customerId = newCustomerId();
    expect(await quote(customerId, { code: "tenang10", duration: 60 })).toEqual({
      code: "TENANG10",
      price: 250_000,
      discountAmount: 25_000,
      amount: 225_000,
    });
    const therapist = await engine.row(TABLES.therapists, "therapist-01");
    const price90 = therapist.price90 as number;
    expect(await quote(customerId, { code: "TENANG10", duration: 90, therapistId: "therapist-01" })).toMatchObject({
      price: price90,
      discountAmount: Math.floor((price90 * 1000 + 5_000) / 10_000),
    });
    // Rp50.000 off from Rp300.000 up: the spa's 90 minutes (Rp450.000) qualifies, the standard hour does not.
    expect(await quote(customerId, { code: "WELCOME50K", duration: 90, placeId: "place-02" })).toEqual({
      code: "WELCOME50K",
      price: 450_000,
      discountAmount: 50_000,
      amount: 400_000,
    });
    await expect(quote(customerId, { code: "WELCOME50K", duration: 60 })).rejects.toMatchObject({
      code: "discount_invalid",
      details: { problem: "min_spend" },
    });
  });

  it("says why a code is refused: unknown, expired, used up, already used by this guest", async () => {
    const customerId = newCustomerId();
    await expect(quote(customerId, { code: "NOPE99", duration: 60 })).rejects.toMatchObject({
      code: "discount_invalid",
      details: { problem: "not_found" },
    });
    const past = new Date(engine.clock().getTime() - 1000).toISOString();
    await engine.stack.admin.tablesDB.createRow({
      databaseId: engine.stack.databaseId,
      tableId: TABLES.discountCodes,
      rowId: "ended",
      data: { code: "ENDED5", kind: "percent", value: 5, validUntil: past },
    });
    await expect(quote(customerId, { code: "ended5", duration: 60 })).rejects.toMatchObject({
      details: { problem: "expired" },
    });
    await engine.stack.admin.tablesDB.createRow({
      databaseId: engine.stack.databaseId,
      tableId: TABLES.discountCodes,
      rowId: "full",
      data: { code: "FULL5", kind: "percent", value: 5, usageLimit: 2, usedCount: 2 },
    });
    await expect(quote(customerId, { code: "FULL5", duration: 60 })).rejects.toMatchObject({
      details: { problem: "usage_limit" },
    });
    await createBooking(engine.ctx, {
      customerId,
      input: bookingInput({ discountCode: "TENANG10" }),
      idempotencyKey: newKey(),
    });
    await expect(quote(customerId, { code: "TENANG10", duration: 60 })).rejects.toMatchObject({
      details: { problem: "customer_limit" },
    });
    await expect(quote(customerId, { code: "TENANG10", duration: 60, placeId: "no-such-spa" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("allows 10 tries per guest per hour, refused ones included", async () => {
    const customerId = newCustomerId();
    for (let i = 0; i < 10; i += 1) {
      await expect(quote(customerId, { code: `GUESS${i}0`, duration: 60 })).rejects.toMatchObject({
        code: "discount_invalid",
      });
    }
    await expect(quote(customerId, { code: "TENANG10", duration: 60 })).rejects.toMatchObject({ code: "rate_limited" });
    engine.clock.advance(6 * 60_000);
    await expect(quote(customerId, { code: "TENANG10", duration: 60 })).resolves.toMatchObject({ amount: 225_000 });
  });
});
