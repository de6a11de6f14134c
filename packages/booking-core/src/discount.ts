// Discount codes applied to a list price: the rules a code must pass and the amount it takes off.
import { DomainError } from "./errors";
import { assertRupiah, percentOf } from "./rupiah";
import type { DiscountCode } from "./schemas/discount-code";
import { toMs } from "./time";

export type DiscountProblem =
  "not_found" | "inactive" | "not_started" | "expired" | "min_spend" | "usage_limit" | "customer_limit";

/** Why a code is refused, as the error every caller answers (`details.problem` is shown to the customer). */
export function discountRefusal(code: string, problem: DiscountProblem): DomainError {
  return new DomainError("discount_invalid", `discount code ${code}: ${problem}`, { details: { problem } });
}

export interface DiscountResult {
  price: number;
  discountAmount: number;
  amount: number;
}

/**
 * Applies a code to a list price. Percent codes take `value` % of the price (the rounding rule in `rupiah.ts`), capped by
 * `maxDiscount`; fixed codes take `value` rupiah. Never below Rp0. Valid from `validFrom` (inclusive) to `validUntil`
 * (exclusive); `usageLimit` counts all redemptions, `perCustomerLimit` this customer's.
 */
export function applyDiscount(
  code: DiscountCode,
  context: { price: number; now: Date | number; customerRedemptions: number },
): DiscountResult | DomainError {
  const { price } = context;
  assertRupiah(price, "price");
  const now = toMs(context.now);
  const refuse = (problem: DiscountProblem): DomainError => discountRefusal(code.code, problem);
  if (!code.active) return refuse("inactive");
  if (code.validFrom !== null && now < toMs(code.validFrom)) return refuse("not_started");
  if (code.validUntil !== null && now >= toMs(code.validUntil)) return refuse("expired");
  if (price < code.minSpend) return refuse("min_spend");
  if (code.usageLimit !== null && code.usedCount >= code.usageLimit) return refuse("usage_limit");
  if (code.perCustomerLimit !== null && context.customerRedemptions >= code.perCustomerLimit) {
    return refuse("customer_limit");
  }
  let discountAmount = code.kind === "percent" ? percentOf(price, code.value * 100) : code.value;
  if (code.maxDiscount !== null) discountAmount = Math.min(discountAmount, code.maxDiscount);
  discountAmount = Math.min(discountAmount, price);
  return { price, discountAmount, amount: price - discountAmount };
}
