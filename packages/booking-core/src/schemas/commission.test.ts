import { describe, expect, it } from "vitest";
import { commissionRecordSchema } from "./commission";

describe("commission record", () => {
  const row = {
    id: "b1",
    bookingId: "b1",
    therapistId: "t1",
    amount: 350_000,
    commission: 105_000,
    payout: 245_000,
    status: "due",
    dueAt: "2025-11-22T06:35:00.000Z",
    paidAt: null,
    proofFileId: null,
    createdAt: "2025-11-22T02:00:00.000Z",
    updatedAt: "2025-11-22T03:35:00.000Z",
  };
  it("parses a row with defaults for the columns a therapist-only table lacks", () => {
    expect(commissionRecordSchema.parse(row)).toMatchObject({
      providerType: "therapist",
      placeId: null,
      rateBps: 3000,
      lateFee: 0,
    });
  });
  it("refuses an unknown status or a split that does not add up", () => {
    expect(commissionRecordSchema.safeParse({ ...row, status: "pending_payment" }).success).toBe(false);
    expect(commissionRecordSchema.safeParse({ ...row, payout: 245_001 }).success).toBe(false);
  });
});
