import { describe, expect, it } from "vitest";
import { errorMapFor } from "../validation";
import {
  areaSchema,
  bookingIdSchema,
  durationSchema,
  idSchema,
  rupiahSchema,
  timeOfDaySchema,
  utcDateTimeSchema,
  workingHoursSchema,
} from "./common";

describe("common schemas", () => {
  it("ids follow Appwrite's rules; booking ids leave room for offer ids", () => {
    expect(idSchema.safeParse("6740a1b2c3d4e5f6a7b8").success).toBe(true);
    expect(idSchema.safeParse("_starts_with_symbol").success).toBe(false);
    expect(idSchema.safeParse("x".repeat(37)).success).toBe(false);
    expect(bookingIdSchema.safeParse("x".repeat(32)).success).toBe(true);
    expect(bookingIdSchema.safeParse("x".repeat(33)).success).toBe(false);
  });

  it("timestamps are UTC and come out canonical", () => {
    expect(utcDateTimeSchema.parse("2025-11-22T06:30:00.000+00:00")).toBe("2025-11-22T06:30:00.000Z");
    expect(
      utcDateTimeSchema.safeParse("2025-11-22T14:30:00+08:00", { error: errorMapFor("en") }).error?.issues[0]?.message,
    ).toMatch(/UTC date-time/);
  });

  it("money is whole rupiah", () => {
    expect(rupiahSchema.safeParse(350_000).success).toBe(true);
    for (const bad of [350_000.5, -1, 100_000_001, Number.NaN]) expect(rupiahSchema.safeParse(bad).success).toBe(false);
  });

  it("durations, areas and times of day are closed", () => {
    expect(durationSchema.safeParse(90).success).toBe(true);
    expect(durationSchema.safeParse("90").success).toBe(false);
    expect(durationSchema.safeParse(45).success).toBe(false);
    expect(areaSchema.safeParse("legian").success).toBe(false);
    expect(timeOfDaySchema.safeParse("09:00").success).toBe(true);
    expect(timeOfDaySchema.safeParse("9:00").success).toBe(false);
    expect(timeOfDaySchema.safeParse("24:00").success).toBe(false);
    expect(workingHoursSchema.safeParse({ start: "18:00", end: "02:00" }).success).toBe(true);
  });
});
