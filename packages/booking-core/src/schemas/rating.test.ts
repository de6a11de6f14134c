import { describe, expect, it } from "vitest";
import { errorMapFor } from "../validation";
import { rateBookingInputSchema, ratingSchema } from "./rating";

describe("the rating form", () => {
  it("takes 1–5 whole stars and an optional comment, trimmed; a blank comment is none", () => {
    expect(rateBookingInputSchema.parse({ stars: 5 })).toEqual({ stars: 5, comment: null });
    expect(rateBookingInputSchema.parse({ stars: 1, comment: "  Lovely, thank you!  " })).toEqual({
      stars: 1,
      comment: "Lovely, thank you!",
    });
    expect(rateBookingInputSchema.parse({ stars: 3, comment: "   " }).comment).toBeNull();
    expect(rateBookingInputSchema.parse({ stars: 3, comment: null }).comment).toBeNull();
  });

  it.each([0, 6, 4.5, "5", null])("refuses %s stars", (stars) => {
    expect(rateBookingInputSchema.safeParse({ stars }).success).toBe(false);
  });

  it("a comment is at most 500 characters after trimming, worded in both languages", () => {
    expect(rateBookingInputSchema.safeParse({ stars: 4, comment: ` ${"a".repeat(500)} ` }).success).toBe(true);
    const long = { stars: 4, comment: "a".repeat(501) };
    const en = rateBookingInputSchema.safeParse(long, { error: errorMapFor("en") });
    const id = rateBookingInputSchema.safeParse(long, { error: errorMapFor("id") });
    expect(en.error?.issues[0]?.path).toEqual(["comment"]);
    expect(en.error?.issues[0]?.message).toMatch(/500/);
    expect(id.error?.issues[0]?.message).toMatch(/500/);
    expect(id.error?.issues[0]?.message).not.toBe(en.error?.issues[0]?.message);
  });
});

describe("a stored rating", () => {
  const row = {
    bookingId: "b1",
    providerType: "therapist",
    therapistId: "t1",
    placeId: null,
    customerId: "c1",
    stars: 4,
    comment: null,
    createdAt: "2025-11-22T02:00:00+00:00",
  };

  it("parses, with the time in canonical UTC", () => {
    expect(ratingSchema.parse(row).createdAt).toBe("2025-11-22T02:00:00.000Z");
    expect(ratingSchema.parse({ ...row, providerType: "place", therapistId: null, placeId: "p1" }).placeId).toBe("p1");
  });

  it("names its provider", () => {
    expect(ratingSchema.safeParse({ ...row, therapistId: null }).success).toBe(false);
    expect(ratingSchema.safeParse({ ...row, providerType: "place" }).success).toBe(false);
  });
});
