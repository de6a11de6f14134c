import { describe, expect, it } from "vitest";
import { maxSleepFor } from "./pace";

describe("maxSleepFor", () => {
  it.each([
    [5000, 60_000, 5000],
    [5000, 4000, 3000],
    [5000, 1000, 250],
    [500, 60_000, 500],
  ])("configured %i ms with a %i ms offer window sleeps at most %i ms", (configured, window, expected) => {
    expect(maxSleepFor(configured, window)).toBe(expected);
  });
});
