// Thin wrappers over booking-core's one money formatter and one date formatter, with this app's choices: amounts in
// the Indonesian style (Rp350.000) — therapists think in rupiah whatever the UI language — and times in WITA, worded
// for the reader's language. Components get these bound to their locale from `useFormat()` (src/i18n/locale-context);
// the locale parameters default to English only so older callers keep compiling.
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { formatCountdown, formatDateTime, type DateStyle } from "@tenang/booking-core/time";
import { DEFAULT_LOCALE, getMessages, type Locale } from "@/i18n/messages";

export function money(amount: number): string {
  return formatRupiah(amount, "id");
}

/** The admin app's `when` takes the same arguments in the same order: instant, locale, style. */
export function when(instant: string | number, locale: Locale = DEFAULT_LOCALE, style: DateStyle = "datetime"): string {
  return formatDateTime(instant, { locale, style });
}

/** A label from a message table keyed by a stored code; the code itself when the table has no word for it. */
export function labelFor(table: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(table, key) ? (table[key] ?? key) : key;
}

/** "Balinese · 90 min" / "Pijat Bali · 90 menit", or "Massage · 90 min" when the customer did not pick a type. */
export function serviceLabel(massageType: string | null, duration: number, locale: Locale = DEFAULT_LOCALE): string {
  const m = getMessages(locale);
  const type = massageType ? labelFor(m.labels.massageTypes, massageType) : m.labels.anyMassage;
  return `${type} · ${m.offers.duration(duration)}`;
}

export function areaLabel(area: string | null, locale: Locale = DEFAULT_LOCALE): string | null {
  if (!area) return null;
  return labelFor(getMessages(locale).labels.areas, area);
}

/** A countdown that may run for hours (a commission's 3 h): "2 h 05 min", and booking-core's "4:59" under an hour. */
export function longCountdown(seconds: number, locale: Locale = DEFAULT_LOCALE): string {
  if (seconds < 3_600) return formatCountdown(seconds);
  const minutes = Math.floor(seconds / 60);
  const unit = locale === "id" ? { h: "j", min: "mnt" } : { h: "h", min: "min" };
  return `${Math.floor(minutes / 60)} ${unit.h} ${String(minutes % 60).padStart(2, "0")} ${unit.min}`;
}
