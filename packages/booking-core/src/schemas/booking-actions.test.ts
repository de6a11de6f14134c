import { describe, expect, it } from "vitest";
import {
  cancelBookingInputSchema,
  customerDecisionInputSchema,
  providerStatusInputSchema,
  reassignBookingInputSchema,
  respondToOfferInputSchema,
} from "./booking-actions";

describe("booking action bodies", () => {
  it("parse what the screens send", () => {
    expect(
      respondToOfferInputSchema.parse({
        expectedVersion: 3,
        offerId: "b1_1",
        response: "decline",
        declineReason: "too_far",
      }),
    ).toEqual({
      expectedVersion: 3,
      offerId: "b1_1",
      response: "decline",
      declineReason: "too_far",
    });
    expect(
      respondToOfferInputSchema.parse({ expectedVersion: 1, offerId: null, response: "accept" }).declineReason,
    ).toBeNull();
    expect(customerDecisionInputSchema.parse({ expectedVersion: 2, decision: "find_another" }).decision).toBe(
      "find_another",
    );
    expect(providerStatusInputSchema.parse({ expectedVersion: 4, status: "on_the_way", etaMinutes: 20 })).toMatchObject(
      { status: "on_the_way" },
    );
    expect(providerStatusInputSchema.parse({ expectedVersion: 4, status: "delayed", delayMinutes: 15 })).toMatchObject({
      delayMinutes: 15,
    });
    expect(cancelBookingInputSchema.parse({ expectedVersion: 1, reason: "changed_mind" }).reason).toBe("changed_mind");
    expect(reassignBookingInputSchema.parse({ expectedVersion: 5, therapistId: "t9" }).therapistId).toBe("t9");
  });

  it("refuse unknown values and missing versions", () => {
    expect(providerStatusInputSchema.safeParse({ expectedVersion: 4, status: "pending_accept" }).success).toBe(false);
    expect(cancelBookingInputSchema.safeParse({ reason: "changed_mind" }).success).toBe(false);
    expect(cancelBookingInputSchema.safeParse({ expectedVersion: 1, reason: "bored" }).success).toBe(false);
    expect(
      providerStatusInputSchema.safeParse({ expectedVersion: 4, status: "delayed", delayMinutes: 2 }).success,
    ).toBe(false);
  });
});
