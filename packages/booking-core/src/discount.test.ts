import { describe, expect, it } from "vitest";
import { applyDiscount, discountRefusal } from "./discount";
import { DomainError } from "./errors";
import { type DiscountCode, normalizeDiscountCode } from "./schemas/discount-code";

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
