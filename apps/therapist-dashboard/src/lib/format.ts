// Thin wrappers over booking-core's one money formatter and one date formatter, with this app's choices: amounts in
// the Indonesian style (Rp350.000) — therapists think in rupiah whatever the UI language — and times in WITA.
import { formatRupiah } from "@tenang/booking-core/money";
import { formatCountdown, formatDateTime, type DateStyle } from "@tenang/booking-core/time";
import type { Locale } from "@tenang/booking-core/locale";
import { getMessages } from "@/i18n/messages";

const UI_LOCALE: Locale = "en";

export function money(amount: number): string {
  return formatRupiah(amount, "id");
}

export function when(instant: string | number, style: DateStyle = "datetime"): string {
  return formatDateTime(instant, { locale: UI_LOCALE, style });
}

/** "Balinese · 90 min", or "Massage · 90 min" when the customer did not pick a type. */
export function serviceLabel(massageType: string | null, duration: number): string {
  const labels = getMessages().labels;
  const type = massageType ? (labels.massageTypes[massageType] ?? massageType) : labels.anyMassage;
  return `${type} · ${duration} min`;
}

export function areaLabel(area: string | null): string | null {
  if (!area) return null;
  return getMessages().labels.areas[area] ?? area;
}

/** A Google Maps link for a point: opens the Maps app on phones. */
export function mapLink(lat: number, lng: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${lat},${lng}`;
}

/** A countdown that may run for hours (a commission's 3 h): "2 h 05 min", and booking-core's "4:59" under an hour. */
export function longCountdown(seconds: number): string {
  if (seconds < 3_600) return formatCountdown(seconds);
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
