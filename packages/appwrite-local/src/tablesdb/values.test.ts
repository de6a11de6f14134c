import { describe, expect, it } from "vitest";
import { normaliseDateTime, valuesEqual } from "./values.ts";

describe("datetimes", () => {
  it.each([
    ["2024-03-04T05:06:07.891+02:00", "2024-03-04T03:06:07.891+00:00"],
    ["2024-03-04T05:06:07Z", "2024-03-04T05:06:07.000+00:00"],
    ["2024-03-04 05:06:07", "2024-03-04T05:06:07.000+00:00"],
    ["2024-03-04", "2024-03-04T00:00:00.000+00:00"],
    ["2024-03-04T05:06:07.123456+0530", "2024-03-03T23:36:07.123+00:00"],
  ])("normalises %s", (input, expected) => {
    expect(normaliseDateTime(input)).toBe(expected);
  });

  it.each(["", "tomorrow", "2024-02-31", "2024-13-01", "12345-01-01", 5])("rejects %s", (input) => {
    expect(normaliseDateTime(input)).toBeNull();
  });
});

describe("valuesEqual", () => {
  it("compares scalars, bigints and arrays", () => {
    expect(valuesEqual(1, 1n)).toBe(true);
    expect(valuesEqual(1.5, 1n)).toBe(false);
    expect(valuesEqual(["a", 1], ["a", 1])).toBe(true);
    expect(valuesEqual(["a"], ["b"])).toBe(false);
    expect(valuesEqual(null, undefined)).toBe(true);
    expect(valuesEqual(0, null)).toBe(false);
  });
});
