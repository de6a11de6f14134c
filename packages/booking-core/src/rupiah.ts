// Money is integer rupiah (IDR has no minor unit in practice). Every amount passes Number.isSafeInteger and stays
// within MAX_RUPIAH, so the integer arithmetic below (amount × basis points) can never lose precision.
//
// THE ROUNDING RULE (the one place it is written): a percentage of an amount is rounded half up to the whole rupiah,
// computed in integers as ⌊(amount × bps + 5 000) / 10 000⌋ with the rate in basis points (30 % = 3 000 bps). The
// commission (`revenue.ts`) and percent discounts (`discount.ts`) are that percentage. Not to the nearest Rp100:
// commission is settled by bank transfer or QRIS, which settle to the rupiah, and for real prices (multiples of
// Rp1.000) 30 % is already a multiple of Rp100 anyway.
import { DomainError } from "./errors";
import type { Locale } from "./locale";

/** Largest amount any booking, price or fee may have: Rp100.000.000. */
export const MAX_RUPIAH = 100_000_000;

export function isRupiah(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_RUPIAH;
}

/** Throws DomainError("validation_failed") unless `value` is a whole, non-negative rupiah amount ≤ MAX_RUPIAH. */
export function assertRupiah(value: number, field = "amount"): number {
  if (!isRupiah(value)) {
    throw new DomainError("validation_failed", `${field} must be whole rupiah between 0 and ${MAX_RUPIAH}`, {
      issues: [{ path: field, message: `${field} must be whole rupiah between 0 and ${MAX_RUPIAH}` }],
    });
  }
  return value;
}

function assertBps(bps: number): void {
  if (!Number.isSafeInteger(bps) || bps < 0 || bps > 10_000)
    throw new RangeError(`rate must be 0–10000 bps, got ${bps}`);
}

/** `bps` basis points of `amount`, rounded half up to the whole rupiah (the rounding rule above). */
export function percentOf(amount: number, bps: number): number {
  assertRupiah(amount);
  assertBps(bps);
  return Math.floor((amount * bps + 5_000) / 10_000);
}

function groupThousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The one money formatter. id: "Rp350.000"; en: "IDR 350,000". No decimals. */
export function formatRupiah(amount: number, locale: Locale): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not whole rupiah: ${amount}`);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  return locale === "id" ? `${sign}Rp${groupThousands(abs, ".")}` : `${sign}IDR ${groupThousands(abs, ",")}`;
}

const MULTIPLIERS: Record<string, number> = { k: 1_000, rb: 1_000, ribu: 1_000, jt: 1_000_000, juta: 1_000_000 };

/**
 * Reads an amount as admins and providers type it: "350000", "350.000", "Rp 350.000", "IDR 350,000",
 * "350.000,00", "350k", "350rb", "1,5jt". Returns null for anything else (or for fractions of a rupiah).
 */
export function parseRupiah(text: string): number | null {
  let s = text
    .trim()
    .toLowerCase()
    .replace(/^(rp\.?|idr)\s*/, "")
    .replace(/[\s\u00a0]/g, "");
  const suffix = /(k|rb|ribu|jt|juta)$/.exec(s)?.[1];
  if (suffix !== undefined) {
    const multiplier = MULTIPLIERS[suffix] as number;
    s = s.slice(0, -suffix.length);
    // With a suffix, "," or "." is usually a decimal mark: "1,5jt", "2.5k".
    const m = /^(\d+)(?:[.,](\d{1,3}))?$/.exec(s);
    if (!m) return null;
    const [, int = "", frac = ""] = m;
    // Exactly three digits after the mark is a thousands separator ("1.500rb" = 1.500 ribu), else a decimal.
    const value =
      frac.length === 3
        ? Number(int + frac) * multiplier
        : Number(int) * multiplier + Number(frac || "0") * (multiplier / 10 ** frac.length);
    return isRupiah(value) ? value : null;
  }
  s = s.replace(/,0{1,2}$/, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/[.,]/g, "");
  if (!/^\d+$/.test(s)) return null;
  const value = Number(s);
  return isRupiah(value) ? value : null;
}
