import { describe, expect, it } from "vitest";
import { parseStatusFilter } from "./booking-filter";

describe("parseStatusFilter", () => {
  it.each([
    ["completed", "completed"],
    ["cancelled", "cancelled"],
    [["expired", "completed"], "expired"],
    [undefined, null],
    ["", null],
    ["pending_accept", null],
    ["COMPLETED", null],
  ] as const)("%j → %j", (raw, expected) => {
    expect(parseStatusFilter(raw as string | string[] | undefined)).toBe(expected);
  });
});
