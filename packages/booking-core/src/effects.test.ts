import { describe, expect, it } from "vitest";
import { recipientFor } from "./effects";

describe("recipientFor", () => {
  it("addresses a provider", () => {
    expect(recipientFor({ providerType: "therapist", therapistId: "t1" })).toEqual({
      role: "therapist",
      therapistId: "t1",
    });
    expect(recipientFor({ providerType: "place", placeId: "p1" })).toEqual({ role: "place", placeId: "p1" });
  });
});
