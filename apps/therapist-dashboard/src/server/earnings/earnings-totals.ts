import "server-only";
// Earnings per period, as a pure function of the commission records and "now" (so it tests with tables). A record
// counts on the WITA calendar day its booking was confirmed (the record's createdAt); void records (bookings
// cancelled before completion) never count. Weeks start on Monday, as Indonesian calendars do.
import { localDate } from "@tenang/booking-core/time";
import type { CommissionRecord } from "@tenang/booking-core/schemas/commission";
import type { EarningsTotals } from "@/lib/dto";
import { mondayOf } from "@/lib/periods";

export interface PeriodTotals {
  today: EarningsTotals;
  week: EarningsTotals;
  month: EarningsTotals;
}

const empty = (): EarningsTotals => ({ bookings: 0, amount: 0, commission: 0, payout: 0 });

function add(totals: EarningsTotals, record: CommissionRecord): void {
  totals.bookings += 1;
  totals.amount += record.amount;
  totals.commission += record.commission;
  totals.payout += record.payout;
}

export function earningsTotals(records: readonly CommissionRecord[], now: Date | number): PeriodTotals {
  const nowMs = typeof now === "number" ? now : now.getTime();
  const today = localDate(nowMs);
  const weekStart = mondayOf(nowMs);
  const month = today.slice(0, 7);
  const totals: PeriodTotals = { today: empty(), week: empty(), month: empty() };
  for (const record of records) {
    if (record.status === "void") continue;
    const day = localDate(record.createdAt);
    if (day > today) continue;
    if (day === today) add(totals.today, record);
    // ISO dates compare as strings.
    if (day >= weekStart) add(totals.week, record);
    if (day.slice(0, 7) === month) add(totals.month, record);
  }
  return totals;
}

/** What the therapist still has to transfer (commission + late fee), and how much of it is overdue. */
export function amountsOwed(records: readonly CommissionRecord[]): { owed: number; overdue: number } {
  let owed = 0;
  let overdue = 0;
  for (const record of records) {
    if (record.status === "due" || record.status === "overdue") owed += record.commission + record.lateFee;
    if (record.status === "overdue") overdue += record.commission + record.lateFee;
  }
  return { owed, overdue };
}
