import { formatRupiah } from "@tenang/booking-core/rupiah";
import type { Messages } from "./messages";

/** A price in the reader's style, or null when the duration is not offered. */
export function formatPrice(messages: Messages, amount: number | null): string | null {
  return amount === null ? null : formatRupiah(amount, messages.moneyLocale);
}
