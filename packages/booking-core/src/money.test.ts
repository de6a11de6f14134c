import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  COMMISSION_RATE_BPS,
  LATE_FEE,
  MAX_RUPIAH,
  applyDiscount,
  assertRupiah,
  discountRefusal,
  formatRupiah,
  isRupiah,
  normalizeDiscountCode,
  parseRupiah,
  paymentDueAt,
  percentOf,
  priceFor,
  revenueSummary,
  serviceMenuFor,
  splitCommission,
} from "./money";
import type { CommissionRecord } from "./schemas/commission";
import type { DiscountCode } from "./schemas/discount-code";

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

describe("prices and menus", () => {
  const provider = { price60: 250_000, price90: 350_000, price120: null };
  it("a provider's price per duration, or null when not offered", () => {
    expect(priceFor(provider, 60)).toBe(250_000);
    expect(priceFor(provider, 90)).toBe(350_000);
    expect(priceFor(provider, 120)).toBeNull();
  });
  it("the menu lists offered durations, shortest first", () => {
    expect(serviceMenuFor(provider)).toEqual([
      { duration: 60, price: 250_000 },
      { duration: 90, price: 350_000 },
    ]);
  });
});

describe("discount codes", () => {
  const code = (overrides: Partial<DiscountCode> = {}): DiscountCode => ({
    id: "d1",
    code: "BALI10",
    kind: "percent",
    value: 10,
    minSpend: 0,
    maxDiscount: null,
    validFrom: "2025-11-01T00:00:00.000Z",
    validUntil: "2025-12-01T00:00:00.000Z",
    usageLimit: 100,
    usedCount: 0,
    perCustomerLimit: 1,
    active: true,
    ...overrides,
  });
  const now = Date.parse("2025-11-22T02:00:00.000Z");
  const apply = (c: DiscountCode, price = 350_000, customerRedemptions = 0, at = now) =>
    applyDiscount(c, { price, now: at, customerRedemptions });

  it.each([
    ["10 %", code(), 350_000, 35_000],
    ["15 % rounds half up", code({ value: 15 }), 355_010, 53_252], // 53 251.5 → 53 252
    ["20 % capped at Rp50.000", code({ value: 20, maxDiscount: 50_000 }), 350_000, 50_000],
    ["100 %", code({ value: 100 }), 350_000, 350_000],
    ["fixed Rp50.000", code({ kind: "fixed", value: 50_000 }), 350_000, 50_000],
    ["fixed larger than the price", code({ kind: "fixed", value: 500_000 }), 350_000, 350_000],
    [
      "no window, no limits",
      code({ validFrom: null, validUntil: null, usageLimit: null, perCustomerLimit: null }),
      350_000,
      35_000,
    ],
  ])("%s", (_name, c, price, discountAmount) => {
    expect(apply(c, price)).toEqual({ price, discountAmount, amount: price - discountAmount });
  });

  it.each([
    ["inactive", code({ active: false }), {}],
    ["not_started", code(), { at: Date.parse("2025-10-31T23:59:59.999Z") }],
    ["expired", code(), { at: Date.parse("2025-12-01T00:00:00.000Z") }],
    ["min_spend", code({ minSpend: 400_000 }), {}],
    ["usage_limit", code({ usedCount: 100 }), {}],
    ["customer_limit", code(), { redemptions: 1 }],
  ] as const)("refuses a code that is %s", (problem, c, o: { at?: number; redemptions?: number }) => {
    const result = apply(c, 350_000, o.redemptions ?? 0, o.at ?? now) as DomainError;
    expect(result).toBeInstanceOf(DomainError);
    expect(result.code).toBe("discount_invalid");
    expect(result.details).toEqual({ problem });
  });

  it("the window starts inclusive and ends exclusive", () => {
    expect(apply(code(), 350_000, 0, Date.parse("2025-11-01T00:00:00.000Z"))).not.toBeInstanceOf(DomainError);
  });

  it("normalises typed codes", () => {
    expect(normalizeDiscountCode("  bali10 ")).toBe("BALI10");
  });

  it("words an unknown code the same way as every other refusal", () => {
    const refusal = discountRefusal("NOPE10", "not_found");
    expect(refusal).toMatchObject({ code: "discount_invalid", details: { problem: "not_found" } });
    expect(refusal.message).toContain("NOPE10");
  });
});

describe("formatting and reading rupiah", () => {
  it.each([
    [350_000, "Rp350.000", "IDR 350,000"],
    [25_000, "Rp25.000", "IDR 25,000"],
    [1_250_000, "Rp1.250.000", "IDR 1,250,000"],
    [0, "Rp0", "IDR 0"],
    [999, "Rp999", "IDR 999"],
    [-25_000, "-Rp25.000", "-IDR 25,000"],
  ])("%i → %s / %s", (amount, id, en) => {
    expect(formatRupiah(amount, "id")).toBe(id);
    expect(formatRupiah(amount, "en")).toBe(en);
  });

  it("refuses fractions", () => {
    expect(() => formatRupiah(1.5, "id")).toThrow(RangeError);
  });

  it.each([
    ["350000", 350_000],
    ["350.000", 350_000],
    ["350,000", 350_000],
    ["Rp350.000", 350_000],
    ["Rp 350.000", 350_000],
    ["Rp. 350.000", 350_000],
    ["IDR 350,000", 350_000],
    ["350.000,00", 350_000],
    ["1.250.000", 1_250_000],
    ["350k", 350_000],
    ["350rb", 350_000],
    ["350 ribu", 350_000],
    ["2.5k", 2_500],
    ["1,5jt", 1_500_000],
    ["1.500rb", 1_500_000],
    ["2 juta", 2_000_000],
    ["350.50", null],
    ["35.0000", null],
    ["abc", null],
    ["", null],
    ["-5000", null],
    ["1,5", null],
    ["200jt", null],
    ["1.2.3k", null],
    ["999999999", null],
  ])("%j → %s", (text, value) => {
    expect(parseRupiah(text)).toBe(value);
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
