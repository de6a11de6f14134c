import { describe, expect, it } from "vitest";
import { longCountdown, money, serviceLabel } from "./format";

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

  it("shows rupiah the Indonesian way and names the service", () => {
    expect(money(175_000)).toBe("Rp175.000");
    expect(serviceLabel("deep_tissue", 90)).toBe("Deep tissue · 90 min");
    expect(serviceLabel(null, 60)).toBe("Massage · 60 min");
  });
});
