import { describe, expect, it } from "vitest";
import { MAX_OFFERS_PER_BOOKING, offerIdFor, offerSchema } from "./offer";

describe("offer", () => {
  it("ids are derived from the booking and attempt, and always fit Appwrite", () => {
    expect(offerIdFor("b1", 3)).toBe("b1_3");
    expect(offerIdFor("x".repeat(32), MAX_OFFERS_PER_BOOKING).length).toBeLessThanOrEqual(36);
  });
  it("parses a row; approval defaults to required", () => {
    const row = {
      id: "b1_1",
      bookingId: "b1",
      therapistId: "t1",
      attempt: 1,
      status: "pending",
      expiresAt: "2025-11-22T02:01:00.000Z",
      respondedAt: null,
      declineReason: null,
      createdAt: "2025-11-22T02:00:00.000Z",
    };
    expect(offerSchema.parse(row).requiresCustomerApproval).toBe(true);
    expect(offerSchema.safeParse({ ...row, status: "timeout" }).success).toBe(false);
  });
});
