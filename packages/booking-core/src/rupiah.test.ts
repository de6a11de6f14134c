import { describe, expect, it } from "vitest";
import { formatRupiah, parseRupiah } from "./rupiah";

describe("formatting and reading rupiah", () => {
  it.each([
    [350_000, "Rp350.000", "IDR 350,000"],
    [25_000, "Rp25.000", "IDR 25,000"],
    [1_250_000, "Rp1.250.000", "IDR 1,250,000"],
    [0, "Rp0", "IDR 0"],
    [999, "Rp999", "IDR 999"],
    [-25_000, "-Rp25.000", "-IDR 25,000"],
  ])("%i → %s / %s", (amount, id, en) => {
    expect(formatRupiah(amount, "id")).toBe(id);
    expect(formatRupiah(amount, "en")).toBe(en);
  });

  it("refuses fractions", () => {
    expect(() => formatRupiah(1.5, "id")).toThrow(RangeError);
  });

  it.each([
    ["350000", 350_000],
    ["350.000", 350_000],
    ["350,000", 350_000],
    ["Rp350.000", 350_000],
    ["Rp 350.000", 350_000],
    ["Rp. 350.000", 350_000],
    ["IDR 350,000", 350_000],
    ["350.000,00", 350_000],
    ["1.250.000", 1_250_000],
    ["350k", 350_000],
    ["350rb", 350_000],
    ["350 ribu", 350_000],
    ["2.5k", 2_500],
    ["1,5jt", 1_500_000],
    ["1.500rb", 1_500_000],
    ["2 juta", 2_000_000],
    ["350.50", null],
    ["35.0000", null],
    ["abc", null],
    ["", null],
    ["-5000", null],
    ["1,5", null],
    ["200jt", null],
    ["1.2.3k", null],
    ["999999999", null],
  ])("%j → %s", (text, value) => {
    expect(parseRupiah(text)).toBe(value);
  });
});
