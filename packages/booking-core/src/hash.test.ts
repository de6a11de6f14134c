import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hash53 } from "./hash";

describe("hash53", () => {
  it("is deterministic, 14 hex chars, seed-dependent", () => {
    expect(hash53("tenang")).toBe(hash53("tenang"));
    expect(hash53("tenang")).toMatch(/^[0-9a-f]{14}$/);
    expect(hash53("tenang", 1)).not.toBe(hash53("tenang"));
    expect(hash53("")).toMatch(/^[0-9a-f]{14}$/);
  });
  it("spreads similar inputs", () => {
    const seen = new Set(Array.from({ length: 10_000 }, (_, i) => hash53(`createBooking:user${i}`)));
    expect(seen.size).toBe(10_000);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => a === b || hash53(a) !== hash53(b)),
      { seed: 6 },
    );
  });
});
