// Money is integer rupiah (IDR has no minor unit in practice). Every amount passes Number.isSafeInteger and stays
// within MAX_RUPIAH, so the integer arithmetic below (amount × basis points) can never lose precision.
//
// THE ROUNDING RULE (the one place it is written): a percentage of an amount is rounded half up to the whole rupiah,
// computed in integers as ⌊(amount × bps + 5 000) / 10 000⌋ with the rate in basis points (30 % = 3 000 bps). The
// commission is that percentage; the payout is the remainder, so commission + payout = amount exactly. Not to the
// nearest Rp100: commission is settled by bank transfer or QRIS, which settle to the rupiah, and for real prices
// (multiples of Rp1.000) 30 % is already a multiple of Rp100 anyway.
import { DomainError } from "./errors";
import type { Locale } from "./locale";
import type { CommissionRecord } from "./schemas/commission";
import type { DiscountCode } from "./schemas/discount-code";
import { HOUR_MS, addMs, toMs } from "./time";

/** Largest amount any booking, price or fee may have: Rp100.000.000. */
export const MAX_RUPIAH = 100_000_000;
/** Platform commission: 30 % of the booking amount, in basis points. */
export const COMMISSION_RATE_BPS = 3_000;
/** Fee added to a commission not paid by its deadline. */
export const LATE_FEE = 25_000;
/** Commission is due this long after the session is completed. */
export const PAYMENT_WINDOW_MS = 3 * HOUR_MS;

export const durations = [60, 90, 120] as const;
export type Duration = (typeof durations)[number];

/** Prices for a search that has no chosen provider yet (the chat's "Book now"); the quote is honoured by whoever accepts. */
export const DEFAULT_STANDARD_PRICES: Readonly<Record<Duration, number>> = { 60: 250_000, 90: 350_000, 120: 450_000 };

export function isRupiah(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_RUPIAH;
}

/** Throws DomainError("validation_failed") unless `value` is a whole, non-negative rupiah amount ≤ MAX_RUPIAH. */
export function assertRupiah(value: number, field = "amount"): number {
  if (!isRupiah(value)) {
    throw new DomainError("validation_failed", `${field} must be whole rupiah between 0 and ${MAX_RUPIAH}`, {
      issues: [{ path: field, message: `${field} must be whole rupiah between 0 and ${MAX_RUPIAH}` }],
    });
  }
  return value;
}

function assertBps(bps: number): void {
  if (!Number.isSafeInteger(bps) || bps < 0 || bps > 10_000)
    throw new RangeError(`rate must be 0–10000 bps, got ${bps}`);
}

/** `bps` basis points of `amount`, rounded half up to the whole rupiah (the rounding rule above). */
export function percentOf(amount: number, bps: number): number {
  assertRupiah(amount);
  assertBps(bps);
  return Math.floor((amount * bps + 5_000) / 10_000);
}

export interface CommissionSplit {
  amount: number;
  commission: number;
  payout: number;
}

/** Splits a booking amount into the platform's commission and the provider's payout (payout = amount − commission). */
export function splitCommission(amount: number, rateBps: number = COMMISSION_RATE_BPS): CommissionSplit {
  const commission = percentOf(amount, rateBps);
  return { amount, commission, payout: amount - commission };
}

/** When the commission of a booking completed at `completedAt` must be paid. */
export function paymentDueAt(completedAt: Date | number | string): string {
  return addMs(completedAt, PAYMENT_WINDOW_MS);
}

export interface PriceList {
  price60: number | null;
  price90: number | null;
  price120: number | null;
}

/** A provider's price for a duration, or null when the provider does not offer it. */
export function priceFor(provider: PriceList, duration: Duration): number | null {
  const price = duration === 60 ? provider.price60 : duration === 90 ? provider.price90 : provider.price120;
  return price ?? null;
}

export interface MenuItem {
  duration: Duration;
  price: number;
}

/** The durations a provider offers, with prices, shortest first: the "menu" a customer picks from. */
export function serviceMenuFor(provider: PriceList): MenuItem[] {
  return durations.flatMap((duration) => {
    const price = priceFor(provider, duration);
    return price === null ? [] : [{ duration, price }];
  });
}

/** How codes are compared and stored: trimmed, upper-case. */
export function normalizeDiscountCode(code: string): string {
  return code.trim().toUpperCase();
}

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
 * Applies a code to a list price. Percent codes take `value` % of the price (rounding rule above), capped by
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

function groupThousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The one money formatter. id: "Rp350.000"; en: "IDR 350,000". No decimals. */
export function formatRupiah(amount: number, locale: Locale): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not whole rupiah: ${amount}`);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  return locale === "id" ? `${sign}Rp${groupThousands(abs, ".")}` : `${sign}IDR ${groupThousands(abs, ",")}`;
}

const MULTIPLIERS: Record<string, number> = { k: 1_000, rb: 1_000, ribu: 1_000, jt: 1_000_000, juta: 1_000_000 };

/**
 * Reads an amount as admins and providers type it: "350000", "350.000", "Rp 350.000", "IDR 350,000",
 * "350.000,00", "350k", "350rb", "1,5jt". Returns null for anything else (or for fractions of a rupiah).
 */
export function parseRupiah(text: string): number | null {
  let s = text
    .trim()
    .toLowerCase()
    .replace(/^(rp\.?|idr)\s*/, "")
    .replace(/[\s\u00a0]/g, "");
  const suffix = /(k|rb|ribu|jt|juta)$/.exec(s)?.[1];
  if (suffix !== undefined) {
    const multiplier = MULTIPLIERS[suffix] as number;
    s = s.slice(0, -suffix.length);
    // With a suffix, "," or "." is usually a decimal mark: "1,5jt", "2.5k".
    const m = /^(\d+)(?:[.,](\d{1,3}))?$/.exec(s);
    if (!m) return null;
    const [, int = "", frac = ""] = m;
    // Exactly three digits after the mark is a thousands separator ("1.500rb" = 1.500 ribu), else a decimal.
    const value =
      frac.length === 3
        ? Number(int + frac) * multiplier
        : Number(int) * multiplier + Number(frac || "0") * (multiplier / 10 ** frac.length);
    return isRupiah(value) ? value : null;
  }
  s = s.replace(/,0{1,2}$/, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/[.,]/g, "");
  if (!/^\d+$/.test(s)) return null;
  const value = Number(s);
  return isRupiah(value) ? value : null;
}

export interface RevenueSummary {
  /** Commission records that count (confirmed or completed bookings: every status but `void`). */
  bookings: number;
  gross: number;
  commission: number;
  collected: number;
  outstanding: number;
  overdue: number;
  lateFees: number;
}

/**
 * Platform revenue over commission records. Cancelled bookings' records are `void` and never count; a commission is
 * "collected" once an admin approved the payment (`paid`), "outstanding" while due, under review or overdue.
 */
export function revenueSummary(records: readonly CommissionRecord[]): RevenueSummary {
  const summary: RevenueSummary = {
    bookings: 0,
    gross: 0,
    commission: 0,
    collected: 0,
    outstanding: 0,
    overdue: 0,
    lateFees: 0,
  };
  for (const record of records) {
    if (record.status === "void") continue;
    summary.bookings += 1;
    summary.gross += record.amount;
    summary.commission += record.commission;
    summary.lateFees += record.lateFee;
    if (record.status === "paid") summary.collected += record.commission + record.lateFee;
    else if (record.status !== "pending") summary.outstanding += record.commission + record.lateFee;
    if (record.status === "overdue") summary.overdue += record.commission + record.lateFee;
  }
  return summary;
}
