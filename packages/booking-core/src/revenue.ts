// What the platform earns: the 30 % commission and the provider's payout, when it is due, the late fee, and
// revenue over commission records. The rounding of the commission is `percentOf` (the rule in `rupiah.ts`).
import type { CommissionRecord } from "./schemas/commission";
import { percentOf } from "./rupiah";
import { HOUR_MS, addMs } from "./time";

/** Platform commission: 30 % of the booking amount, in basis points. */
export const COMMISSION_RATE_BPS = 3_000;
/** Fee added to a commission not paid by its deadline. */
export const LATE_FEE = 25_000;
/** Commission is due this long after the session is completed. */
export const PAYMENT_WINDOW_MS = 3 * HOUR_MS;

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
