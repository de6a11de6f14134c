// The history page's filters as a pure function of the bookings, the chosen filter and "now" (the server's clock),
// so the WITA week/month edges test with tables. A booking belongs to the day its session ended or was due: when it
// was completed, else when it was scheduled for, else when it was booked.
import { localDate } from "@tenang/booking-core/time";
import type { BookingDto } from "./dto";
import { firstOfMonth, mondayOf } from "./periods";

export const historyStatusFilters = ["all", "completed", "cancelled", "expired"] as const;
export type HistoryStatusFilter = (typeof historyStatusFilters)[number];

export const historyPeriods = ["all", "week", "month", "range"] as const;
export type HistoryPeriod = (typeof historyPeriods)[number];

export interface HistoryFilter {
  status: HistoryStatusFilter;
  period: HistoryPeriod;
  /** "YYYY-MM-DD" (WITA), only for `range`; "" leaves that end open. */
  from: string;
  to: string;
}

export const ALL_HISTORY: HistoryFilter = { status: "all", period: "all", from: "", to: "" };

type Dated = Pick<BookingDto, "status" | "completedAt" | "scheduledFor" | "createdAt">;

/** The WITA calendar day a finished booking is listed under. */
export function historyDay(booking: Dated): string {
  return localDate(booking.completedAt ?? booking.scheduledFor ?? booking.createdAt);
}

/** The first and last day (inclusive) a filter keeps; null is open-ended. */
export function periodBounds(filter: HistoryFilter, now: number): { from: string | null; to: string | null } {
  switch (filter.period) {
    case "all":
      return { from: null, to: null };
    case "week":
      return { from: mondayOf(now), to: localDate(now) };
    case "month":
      return { from: firstOfMonth(now), to: localDate(now) };
    case "range": {
      const from = filter.from || null;
      const to = filter.to || null;
      // Dates typed the wrong way round still mean "between these two days".
      return from && to && from > to ? { from: to, to: from } : { from, to };
    }
  }
}

export function filterHistory<T extends Dated>(bookings: readonly T[], filter: HistoryFilter, now: number): T[] {
  const { from, to } = periodBounds(filter, now);
  return bookings.filter((booking) => {
    if (filter.status !== "all" && booking.status !== filter.status) return false;
    const day = historyDay(booking);
    return (from === null || day >= from) && (to === null || day <= to);
  });
}
