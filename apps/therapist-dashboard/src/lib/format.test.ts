import { describe, expect, it } from "vitest";
import { areaLabel, labelFor, longCountdown, money, serviceLabel, when } from "./format";

describe("format", () => {
  it.each([
    [0, "0:00"],
    [59, "0:59"],
    [3_599, "59:59"],
    [3_600, "1 h 00 min"],
    [3 * 3_600 - 1, "2 h 59 min"],
  ])("longCountdown(%i) = %s", (seconds, text) => {
    expect(longCountdown(seconds)).toBe(text);
  });

  it("words a long countdown in Indonesian", () => {
    expect(longCountdown(2 * 3_600 + 5 * 60, "id")).toBe("2 j 05 mnt");
  });

  it("shows rupiah the Indonesian way in both languages and names the service", () => {
    expect(money(175_000)).toBe("Rp175.000");
    expect(money(350_000)).toBe("Rp350.000");
    expect(serviceLabel("deep_tissue", 90)).toBe("Deep tissue · 90 min");
    expect(serviceLabel(null, 60)).toBe("Massage · 60 min");
    expect(serviceLabel("balinese", 90, "id")).toBe("Pijat Bali · 90 menit");
    expect(serviceLabel(null, 60, "id")).toBe("Pijat · 60 menit");
  });

  it("shows times in WITA, worded per language", () => {
    // 06:30 UTC is 14:30 in Bali (UTC+8).
    expect(when("2025-11-22T06:30:00.000Z", "en", "datetime")).toBe("Sat, 22 Nov 2025, 14:30 WITA");
    expect(when("2025-11-22T06:30:00.000Z", "id", "datetime")).toBe("Sab, 22 Nov 2025, 14.30 WITA");
  });

  it("falls back to the stored code for a label it has no word for", () => {
    expect(areaLabel("nusa_dua", "id")).toBe("Nusa Dua");
    expect(labelFor({ a: "A" }, "b")).toBe("b");
    expect(labelFor({ a: "A" }, "toString")).toBe("toString");
  });
});
