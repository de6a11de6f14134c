import { describe, expect, it } from "vitest";
import { ALL_HISTORY, filterHistory, historyDay, periodBounds, type HistoryFilter } from "./history-filter";

// Wednesday 19 Nov 2025, 01:30 WITA (still Tuesday 18 Nov in UTC).
const NOW = Date.parse("2025-11-18T17:30:00.000Z");

const booking = (
  id: string,
  status: string,
  at: { completedAt?: string; scheduledFor?: string; createdAt: string },
) => ({
  id,
  status: status as "completed" | "cancelled" | "expired",
  completedAt: at.completedAt ?? null,
  scheduledFor: at.scheduledFor ?? null,
  createdAt: at.createdAt,
});

const bookings = [
  // Completed Monday 17 Nov at 08:30 WITA (00:30 UTC).
  booking("mon", "completed", { completedAt: "2025-11-17T00:30:00.000Z", createdAt: "2025-11-16T23:00:00.000Z" }),
  // Completed Sunday 16 Nov 23:30 WITA: the week before.
  booking("sun", "completed", { completedAt: "2025-11-16T15:30:00.000Z", createdAt: "2025-11-16T14:00:00.000Z" }),
  // Cancelled, was scheduled for 1 Nov 10:00 WITA.
  booking("first", "cancelled", { scheduledFor: "2025-11-01T02:00:00.000Z", createdAt: "2025-10-28T02:00:00.000Z" }),
  // Expired on 31 Oct 23:00 WITA (booked then).
  booking("oct", "expired", { createdAt: "2025-10-31T15:00:00.000Z" }),
];

const ids = (filter: Partial<HistoryFilter>) =>
  filterHistory(bookings, { ...ALL_HISTORY, ...filter }, NOW).map((b) => b.id);

describe("history filter", () => {
  it("lists a booking under its WITA day: completion, else schedule, else booking time", () => {
    expect(bookings.map(historyDay)).toEqual(["2025-11-17", "2025-11-16", "2025-11-01", "2025-10-31"]);
  });

  it.each<[Partial<HistoryFilter>, string[]]>([
    [{}, ["mon", "sun", "first", "oct"]],
    [{ status: "completed" }, ["mon", "sun"]],
    [{ status: "cancelled" }, ["first"]],
    [{ status: "expired" }, ["oct"]],
    // The week starts on Monday 17 Nov in Bali.
    [{ period: "week" }, ["mon"]],
    [{ period: "month" }, ["mon", "sun", "first"]],
    [{ period: "month", status: "cancelled" }, ["first"]],
    [{ period: "month", status: "expired" }, []],
    [{ period: "range", from: "2025-10-31", to: "2025-11-01" }, ["first", "oct"]],
    [{ period: "range", from: "2025-11-16" }, ["mon", "sun"]],
    [{ period: "range", to: "2025-10-31" }, ["oct"]],
    // Reversed dates mean the same days.
    [{ period: "range", from: "2025-11-01", to: "2025-10-31" }, ["first", "oct"]],
    // The range's dates only count when "Dates" is chosen.
    [{ period: "all", from: "2025-11-17", to: "2025-11-17" }, ["mon", "sun", "first", "oct"]],
  ])("%o keeps %o", (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it("bounds this week and this month in WITA, up to today", () => {
    expect(periodBounds({ ...ALL_HISTORY, period: "week" }, NOW)).toEqual({ from: "2025-11-17", to: "2025-11-19" });
    expect(periodBounds({ ...ALL_HISTORY, period: "month" }, NOW)).toEqual({ from: "2025-11-01", to: "2025-11-19" });
    // On a Monday the week is that one day.
    expect(periodBounds({ ...ALL_HISTORY, period: "week" }, Date.parse("2025-11-16T16:00:00.000Z"))).toEqual({
      from: "2025-11-17",
      to: "2025-11-17",
    });
  });
});
