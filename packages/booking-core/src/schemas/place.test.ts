import { describe, expect, it } from "vitest";
import { place } from "../../test/fixtures";
import { placeSchema } from "./place";

describe("place", () => {
  it("parses a row; restriction defaults to none", () => {
    const { isRestricted: _r, restrictedReason: _reason, ...row } = place();
    expect(placeSchema.parse(row)).toMatchObject({
      isRestricted: false,
      restrictedReason: null,
      openingHours: { start: "09:00", end: "21:00" },
    });
    expect(placeSchema.safeParse({ ...row, price60: 1.5 }).success).toBe(false);
  });
});
