import { describe, expect, it } from "vitest";
import { isValidSchedule, latestDueSlot } from "./scheduler.ts";

const at = (iso: string) => new Date(iso);

describe("isValidSchedule", () => {
  it.each([
    ["0 18 * * *", true],
    ["*/15 * * * 1-5", true],
    ["@daily", true],
    ["0 0 18 * * *", false], // six fields (seconds) are not Appwrite's format
    ["61 * * * *", false],
    ["every day", false],
    ["", false],
  ])("%s → %s", (schedule, valid) => expect(isValidSchedule(schedule)).toBe(valid));
});

describe("latestDueSlot (UTC)", () => {
  const daily = "0 18 * * *"; // 02:00 WITA
  it("is null before the first slot after `after`", () => {
    expect(latestDueSlot(daily, at("2026-03-01T18:00:00Z"), at("2026-03-02T17:59:59Z"))).toBeNull();
  });
  it("includes a slot at exactly `now`", () => {
    expect(latestDueSlot(daily, at("2026-03-01T18:00:00Z"), at("2026-03-02T18:00:00Z"))).toEqual(
      at("2026-03-02T18:00:00Z"),
    );
  });
  it("collapses missed slots into the latest one", () => {
    expect(latestDueSlot(daily, at("2026-03-01T18:00:00Z"), at("2026-03-05T09:00:00Z"))).toEqual(
      at("2026-03-04T18:00:00Z"),
    );
  });
  it("crosses month ends", () => {
    expect(latestDueSlot("0 0 1 * *", at("2026-01-31T12:00:00Z"), at("2026-02-01T00:00:00Z"))).toEqual(
      at("2026-02-01T00:00:00Z"),
    );
  });
});
