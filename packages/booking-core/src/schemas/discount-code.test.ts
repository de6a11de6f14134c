import { describe, expect, it } from "vitest";
import { errorMapFor } from "../validation";
import { discountCodeInputSchema, discountCodeSchema, discountQuoteInputSchema } from "./discount-code";

describe("discount codes", () => {
  it("typed codes are normalised", () => {
    expect(discountCodeInputSchema.parse(" bali10 ")).toBe("BALI10");
    expect(discountCodeInputSchema.safeParse("b!").success).toBe(false);
  });
  it("rows get defaults and cross-field checks", () => {
    expect(discountCodeSchema.parse({ id: "d1", code: "bali10", kind: "percent", value: 10 })).toEqual({
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
    });
    const over = discountCodeSchema.safeParse(
      { id: "d1", code: "X10", kind: "percent", value: 150 },
      { error: errorMapFor("en") },
    );
    expect(over.error?.issues[0]?.message).toBe("A percentage discount is between 1 and 100.");
    expect(discountCodeSchema.safeParse({ id: "d1", code: "X10", kind: "fixed", value: 200_000_000 }).success).toBe(
      false,
    );
    expect(discountCodeSchema.safeParse({ id: "d1", code: "X10", kind: "fixed", value: 50_000 }).success).toBe(true);
    const window = { validFrom: "2025-12-01T00:00:00.000Z", validUntil: "2025-11-01T00:00:00.000Z" };
    expect(discountCodeSchema.safeParse({ id: "d1", code: "X10", kind: "fixed", value: 5, ...window }).success).toBe(
      false,
    );
  });
});

describe("discount quote input", () => {
  it("normalises the code and defaults the provider to none", () => {
    expect(discountQuoteInputSchema.parse({ code: " tenang10 ", duration: 90 })).toEqual({
      code: "TENANG10",
      duration: 90,
      therapistId: null,
      placeId: null,
    });
    expect(discountQuoteInputSchema.parse({ code: "X10", duration: 60, therapistId: "therapist-01" }).therapistId).toBe(
      "therapist-01",
    );
    expect(discountQuoteInputSchema.safeParse({ code: "X10", duration: 45 }).success).toBe(false);
    expect(discountQuoteInputSchema.safeParse({ code: "!", duration: 60 }).success).toBe(false);
  });
});
