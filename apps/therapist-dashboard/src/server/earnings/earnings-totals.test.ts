import { describe, expect, it } from "vitest";
import type { CommissionRecord } from "@tenang/booking-core/schemas/commission";
import { amountsOwed, earningsTotals } from "./earnings-totals";

function record(
  createdAt: string,
  amount: number,
  status: CommissionRecord["status"] = "paid",
  lateFee = 0,
): CommissionRecord {
  const commission = Math.floor((amount * 3000 + 5000) / 10000);
  return {
    id: createdAt,
    bookingId: createdAt.replace(/\W/g, "").slice(0, 20),
    providerType: "therapist",
    therapistId: "therapist-01",
    placeId: null,
    amount,
    commission,
    payout: amount - commission,
    rateBps: 3000,
    status,
    dueAt: null,
    lateFee,
    paidAt: null,
    proofFileId: null,
    createdAt,
    updatedAt: createdAt,
  };
}

// Wednesday 19 Nov 2025, 10:00 WITA (02:00 UTC).
const NOW = Date.parse("2025-11-19T02:00:00.000Z");

describe("earningsTotals", () => {
  it.each([
    ["today in WITA (00:30 WITA = 16:30 UTC the day before)", "2025-11-18T16:30:00.000Z", [1, 1, 1]],
    ["yesterday evening WITA", "2025-11-18T15:00:00.000Z", [0, 1, 1]],
    ["Monday of this week", "2025-11-17T01:00:00.000Z", [0, 1, 1]],
    ["Sunday before (last week)", "2025-11-16T08:00:00.000Z", [0, 0, 1]],
    ["1 Nov (this month)", "2025-11-01T00:00:00.000Z", [0, 0, 1]],
    ["31 Oct 20:00 WITA (last month)", "2025-10-31T12:00:00.000Z", [0, 0, 0]],
  ] as const)("%s", (_name, createdAt, [today, week, month]) => {
    const totals = earningsTotals([record(createdAt, 350_000)], NOW);
    expect([totals.today.bookings, totals.week.bookings, totals.month.bookings]).toEqual([today, week, month]);
  });

  it("sums amount, 30 % commission and payout, and skips void records", () => {
    const totals = earningsTotals(
      [
        record("2025-11-19T01:00:00.000Z", 350_000),
        record("2025-11-19T01:30:00.000Z", 250_000),
        record("2025-11-19T01:40:00.000Z", 450_000, "void"),
      ],
      NOW,
    );
    expect(totals.today).toEqual({ bookings: 2, amount: 600_000, commission: 180_000, payout: 420_000 });
    expect(totals.today.commission + totals.today.payout).toBe(totals.today.amount);
  });
});

describe("amountsOwed", () => {
  it("counts due and overdue (with the late fee), not what is under review, paid or pending", () => {
    const records = [
      record("2025-11-19T01:00:00.000Z", 350_000, "due"),
      record("2025-11-18T01:00:00.000Z", 250_000, "overdue", 25_000),
      record("2025-11-17T01:00:00.000Z", 250_000, "paid_pending_review"),
      record("2025-11-16T01:00:00.000Z", 250_000, "paid"),
      record("2025-11-19T01:50:00.000Z", 250_000, "pending"),
    ];
    expect(amountsOwed(records)).toEqual({ owed: 105_000 + 75_000 + 25_000, overdue: 100_000 });
  });
});
