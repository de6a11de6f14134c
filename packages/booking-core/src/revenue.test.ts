import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { COMMISSION_RATE_BPS, LATE_FEE, paymentDueAt, revenueSummary, splitCommission } from "./revenue";
import { MAX_RUPIAH, assertRupiah, isRupiah, percentOf } from "./rupiah";
import type { CommissionRecord } from "./schemas/commission";

describe("commission: 30 %, rounded half up to the whole rupiah", () => {
  it.each([
    [350_000, 105_000, 245_000],
    [250_000, 75_000, 175_000],
    [1, 0, 1],
    [2, 1, 1], // 0.6 → 1
    [5, 2, 3], // 1.5 → 2 (half up)
    [15, 5, 10], // 4.5 → 5
    [350_005, 105_002, 245_003], // 105 001.5 → 105 002
    [350_001, 105_000, 245_001], // 105 000.3 → 105 000
    [0, 0, 0],
    [MAX_RUPIAH, 30_000_000, 70_000_000],
  ])("Rp%i → commission Rp%i, payout Rp%i", (amount, commission, payout) => {
    expect(splitCommission(amount)).toEqual({ amount, commission, payout });
  });

  it("commission + payout = amount for every amount, and commission is within ½ rupiah of 30 %", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_RUPIAH }), (amount) => {
        const { commission, payout } = splitCommission(amount);
        expect(commission + payout).toBe(amount);
        expect(Number.isSafeInteger(commission) && commission >= 0 && payout >= 0).toBe(true);
        expect(Math.abs(commission - amount * 0.3)).toBeLessThanOrEqual(0.5);
      }),
      { numRuns: 2000, seed: 1 },
    );
  });

  it("for real prices (multiples of Rp1.000) the commission is a multiple of Rp100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (thousands) => {
        expect(splitCommission(thousands * 1000).commission % 100).toBe(0);
      }),
      { seed: 2 },
    );
  });

  it("other rates and bad input", () => {
    expect(COMMISSION_RATE_BPS).toBe(3000);
    expect(splitCommission(100_000, 2_000)).toEqual({ amount: 100_000, commission: 20_000, payout: 80_000 });
    expect(percentOf(333, 5_000)).toBe(167); // 166.5 → 167
    expect(() => percentOf(100, 10_001)).toThrow(RangeError);
    expect(() => percentOf(100, 1.5)).toThrow(RangeError);
    expect(() => splitCommission(1.5)).toThrow(DomainError);
    expect(() => splitCommission(-1)).toThrow(DomainError);
    expect(() => splitCommission(MAX_RUPIAH + 1)).toThrow(DomainError);
    expect(() => assertRupiah(Number.NaN, "price")).toThrow(/price must be whole rupiah/);
    expect(assertRupiah(10)).toBe(10);
    expect(isRupiah("10")).toBe(false);
  });

  it("payment is due 3 h after completion; the late fee is Rp25.000", () => {
    expect(paymentDueAt("2025-11-22T03:35:00.000Z")).toBe("2025-11-22T06:35:00.000Z");
    expect(LATE_FEE).toBe(25_000);
  });
});

describe("revenue", () => {
  const record = (status: CommissionRecord["status"], amount: number, lateFee = 0): CommissionRecord => ({
    id: `b-${status}`,
    bookingId: `b-${status}`,
    providerType: "therapist",
    therapistId: "t1",
    placeId: null,
    ...splitCommission(amount),
    rateBps: 3000,
    status,
    dueAt: null,
    lateFee,
    paidAt: null,
    proofFileId: null,
    createdAt: "2025-11-22T02:00:00.000Z",
    updatedAt: "2025-11-22T02:00:00.000Z",
  });

  it("counts confirmed and completed bookings only (never void), and splits collected from outstanding", () => {
    const summary = revenueSummary([
      record("pending", 100_000),
      record("due", 200_000),
      record("paid_pending_review", 300_000),
      record("paid", 400_000, 25_000),
      record("overdue", 500_000, 25_000),
      record("void", 1_000_000),
    ]);
    expect(summary).toEqual({
      bookings: 5,
      gross: 1_500_000,
      commission: 450_000,
      collected: 145_000,
      outstanding: 60_000 + 90_000 + 175_000,
      overdue: 175_000,
      lateFees: 50_000,
    });
  });
});
