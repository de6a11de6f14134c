// This app's use of booking-core's one money formatter and one date formatter: amounts in the Indonesian style
// (Rp350.000) whatever the UI language — operations reconcile against Indonesian bank statements — and times in WITA,
// worded for the reader's language.
import { formatRupiah } from "@tenang/booking-core/rupiah";
import type { Locale } from "@tenang/booking-core/locale";
import { formatDateTime, type DateStyle } from "@tenang/booking-core/time";

export function money(amount: number): string {
  return formatRupiah(amount, "id");
}

export function when(instant: string, locale: Locale, style: DateStyle = "datetime"): string {
  return formatDateTime(instant, { locale, style });
}
