import { describe, expect, it } from "vitest";
import { money, when } from "./format";

describe("format", () => {
  it("shows whole rupiah in the Indonesian style in both languages", () => {
    expect(money(75_000)).toBe("Rp75.000");
    expect(money(25_000)).toBe("Rp25.000");
  });

  it("shows times in WITA (UTC+8), worded per language", () => {
    expect(when("2026-11-21T06:30:00.000Z", "en")).toBe("Sat, 21 Nov 2026, 14:30 WITA");
    expect(when("2026-11-21T06:30:00.000Z", "id")).toBe("Sab, 21 Nov 2026, 14.30 WITA");
  });
});
