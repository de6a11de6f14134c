// Every sentence the booking lifecycle posts into a chat (system messages) or sends to a person (notifications), in
// English and Indonesian, with typed parameters. The lifecycle emits keys and parameters; whoever shows the message
// renders it in the viewer's language and time zone, so one stored row reads right for a tourist and for a therapist.
import * as z from "zod";
import type { Locale } from "./locale";
import { formatRupiah } from "./rupiah";
import { DEFAULT_TIME_ZONE, formatDateTime } from "./time";
import { utcDateTimeSchema } from "./schemas/common";

const none = z.object({});

const systemParamSchemas = {
  searching: none,
  searching_again: none,
  finding_another: none,
  request_sent: none,
  scheduled_request_sent: z.object({ scheduledFor: utcDateTimeSchema, respondBy: utcDateTimeSchema }),
  therapist_found: none,
  confirmed_immediate: none,
  confirmed_place: none,
  confirmed_scheduled: z.object({ scheduledFor: utcDateTimeSchema }),
  therapist_reassigned: none,
  on_the_way: z.object({ etaMinutes: z.number().int().positive().nullable() }),
  delayed: z.object({ delayMinutes: z.number().int().positive() }),
  arrived: none,
  checked_in: none,
  session_started: none,
  completed: none,
  expired_no_therapist: none,
  expired_no_response: none,
  expired_provider_declined: none,
  expired_customer_no_response: none,
  cancelled_by_customer: none,
  cancelled_by_therapist: none,
  cancelled_by_place: none,
  cancelled_by_admin: none,
  cancelled_by_system: none,
} as const;

export type SystemMessageKey = keyof typeof systemParamSchemas;
export const systemMessageKeys = Object.keys(systemParamSchemas) as SystemMessageKey[];
export const systemMessageKeySchema = z.enum(systemMessageKeys as [SystemMessageKey, ...SystemMessageKey[]]);

export type SystemMessageParams = { [K in SystemMessageKey]: z.output<(typeof systemParamSchemas)[K]> };
/** A system message as data: which sentence, with which parameters. */
export type SystemMessage = { [K in SystemMessageKey]: { key: K; params: SystemMessageParams[K] } }[SystemMessageKey];

export interface RenderOptions {
  locale: Locale;
  /** The viewer's zone for any time in the message; Bali (WITA) by default. */
  timeZone?: string;
}

type Template<P> = (params: P, options: Required<RenderOptions>) => string;
type Catalogue<Keys extends string, Params extends Record<Keys, unknown>> = {
  [K in Keys]: Record<Locale, Template<Params[K]>>;
};

const at = (iso: string, o: Required<RenderOptions>): string =>
  formatDateTime(iso, { locale: o.locale, timeZone: o.timeZone });

const systemCatalogue: Catalogue<SystemMessageKey, SystemMessageParams> = {
  searching: {
    en: () => "We're checking availability for therapists near you…",
    id: () => "Kami sedang memeriksa ketersediaan terapis di dekat Anda…",
  },
  searching_again: {
    en: () => "That therapist isn't available. We're asking another therapist near you…",
    id: () => "Terapis tersebut tidak tersedia. Kami sedang menghubungi terapis lain di dekat Anda…",
  },
  finding_another: {
    en: () => "Of course. We're looking for another therapist for you…",
    id: () => "Baik. Kami sedang mencarikan terapis lain untuk Anda…",
  },
  request_sent: {
    en: () => "Your request has been sent. We'll let you know as soon as it is accepted.",
    id: () => "Permintaan Anda sudah dikirim. Kami akan memberi tahu Anda segera setelah diterima.",
  },
  scheduled_request_sent: {
    en: (p, o) =>
      `Your request for ${at(p.scheduledFor, o)} has been sent. You'll have an answer by ${at(p.respondBy, o)}.`,
    id: (p, o) =>
      `Permintaan Anda untuk ${at(p.scheduledFor, o)} sudah dikirim. Anda akan mendapat jawaban paling lambat ${at(p.respondBy, o)}.`,
  },
  therapist_found: {
    en: () => "Good news! A therapist is available.",
    id: () => "Kabar baik! Ada terapis yang tersedia.",
  },
  confirmed_immediate: {
    en: () => "Your booking is confirmed. The therapist will arrive within 1 hour or less.",
    id: () => "Pemesanan Anda sudah dikonfirmasi. Terapis akan tiba dalam waktu 1 jam atau kurang.",
  },
  confirmed_place: {
    en: () => "Your booking is confirmed. The spa is expecting you.",
    id: () => "Pemesanan Anda sudah dikonfirmasi. Spa menantikan kedatangan Anda.",
  },
  confirmed_scheduled: {
    en: (p, o) => `Your booking is confirmed for ${at(p.scheduledFor, o)}.`,
    id: (p, o) => `Pemesanan Anda sudah dikonfirmasi untuk ${at(p.scheduledFor, o)}.`,
  },
  therapist_reassigned: {
    en: () => "Tenang support is arranging a different therapist for you.",
    id: () => "Tim dukungan Tenang sedang mengatur terapis lain untuk Anda.",
  },
  on_the_way: {
    en: (p) =>
      p.etaMinutes === null
        ? "Your therapist is on the way."
        : `Your therapist is on the way and should arrive in about ${p.etaMinutes} minutes.`,
    id: (p) =>
      p.etaMinutes === null
        ? "Terapis Anda sedang dalam perjalanan."
        : `Terapis Anda sedang dalam perjalanan dan diperkirakan tiba sekitar ${p.etaMinutes} menit lagi.`,
  },
  delayed: {
    en: (p) => `Your therapist is running about ${p.delayMinutes} minutes late. Sorry for the wait!`,
    id: (p) => `Terapis Anda terlambat sekitar ${p.delayMinutes} menit. Mohon maaf atas ketidaknyamanannya.`,
  },
  arrived: {
    en: () => "Your therapist has arrived.",
    id: () => "Terapis Anda sudah tiba.",
  },
  checked_in: {
    en: () => "You're checked in at the spa.",
    id: () => "Anda sudah check-in di spa.",
  },
  session_started: {
    en: () => "Your session has started. Enjoy!",
    id: () => "Sesi Anda sudah dimulai. Selamat menikmati!",
  },
  completed: {
    en: () => "Your session is complete. Thank you for booking with Tenang!",
    id: () => "Sesi Anda telah selesai. Terima kasih telah memesan melalui Tenang!",
  },
  expired_no_therapist: {
    en: () => "Sorry, no therapist is available near you right now. Please try again in a little while.",
    id: () => "Maaf, saat ini tidak ada terapis yang tersedia di dekat Anda. Silakan coba lagi beberapa saat lagi.",
  },
  expired_no_response: {
    en: () => "Sorry, your request wasn't accepted in time. Please choose another time or provider.",
    id: () => "Maaf, permintaan Anda tidak diterima tepat waktu. Silakan pilih waktu atau penyedia lain.",
  },
  expired_provider_declined: {
    en: () => "Sorry, the provider can't take this booking. Please choose another time or provider.",
    id: () => "Maaf, penyedia tidak dapat menerima pemesanan ini. Silakan pilih waktu atau penyedia lain.",
  },
  expired_customer_no_response: {
    en: () => "This booking expired because the therapist wasn't accepted in time.",
    id: () => "Pemesanan ini kedaluwarsa karena terapis tidak dikonfirmasi tepat waktu.",
  },
  cancelled_by_customer: {
    en: () => "The booking was cancelled by the customer.",
    id: () => "Pemesanan dibatalkan oleh pelanggan.",
  },
  cancelled_by_therapist: {
    en: () => "The therapist had to cancel this booking. We're sorry!",
    id: () => "Terapis harus membatalkan pemesanan ini. Mohon maaf!",
  },
  cancelled_by_place: {
    en: () => "The spa had to cancel this booking. We're sorry!",
    id: () => "Spa harus membatalkan pemesanan ini. Mohon maaf!",
  },
  cancelled_by_admin: {
    en: () => "This booking was cancelled by Tenang support.",
    id: () => "Pemesanan ini dibatalkan oleh tim dukungan Tenang.",
  },
  cancelled_by_system: {
    en: () => "This booking was cancelled automatically.",
    id: () => "Pemesanan ini dibatalkan secara otomatis.",
  },
};

function withDefaults(options: RenderOptions): Required<RenderOptions> {
  return { locale: options.locale, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE };
}

/** The sentence for a system message, in the viewer's language and zone. */
export function renderSystemMessage(message: SystemMessage, options: RenderOptions): string {
  const template = systemCatalogue[message.key][options.locale] as Template<typeof message.params>;
  return template(message.params, withDefaults(options));
}

/**
 * Reads a stored system message (key and JSON params from a message row) back into data, or null when the key is
 * unknown or the params do not fit it, so an old or damaged row never breaks a chat.
 */
export function parseSystemMessage(key: string, params: unknown): SystemMessage | null {
  if (!(key in systemParamSchemas)) return null;
  const parsed = systemParamSchemas[key as SystemMessageKey].safeParse(params ?? {});
  return parsed.success ? ({ key, params: parsed.data } as SystemMessage) : null;
}

// ---- Notifications: sent to one person (push, WhatsApp template, dashboard alert), not posted in the chat. ----

const notificationParamSchemas = {
  new_offer: z.object({ duration: z.number().int(), amount: z.number().int(), expiresAt: utcDateTimeSchema }),
  offer_withdrawn: none,
  customer_confirmed: none,
  customer_chose_another: none,
  therapist_found: none,
  booking_confirmed: none,
  booking_cancelled: none,
  booking_expired: none,
  status_update: none,
  payment_due: z.object({ amount: z.number().int(), dueAt: utcDateTimeSchema }),
  payment_overdue: z.object({ amount: z.number().int(), lateFee: z.number().int() }),
  account_restricted: none,
  restriction_lifted: none,
  taken_offline: z.object({ missedOffers: z.number().int() }),
} as const;

export type NotificationKey = keyof typeof notificationParamSchemas;
export const notificationKeys = Object.keys(notificationParamSchemas) as NotificationKey[];
export type NotificationParams = { [K in NotificationKey]: z.output<(typeof notificationParamSchemas)[K]> };
export type Notification = { [K in NotificationKey]: { key: K; params: NotificationParams[K] } }[NotificationKey];

const notificationCatalogue: Catalogue<NotificationKey, NotificationParams> = {
  new_offer: {
    en: (p, o) =>
      `New booking request: ${p.duration} min, ${formatRupiah(p.amount, "en")}. Respond by ${formatDateTime(p.expiresAt, { locale: "en", timeZone: o.timeZone, style: "time" })}.`,
    id: (p, o) =>
      `Permintaan pemesanan baru: ${p.duration} menit, ${formatRupiah(p.amount, "id")}. Tanggapi sebelum ${formatDateTime(p.expiresAt, { locale: "id", timeZone: o.timeZone, style: "time" })}.`,
  },
  offer_withdrawn: {
    en: () => "This booking request is no longer available.",
    id: () => "Permintaan pemesanan ini sudah tidak tersedia.",
  },
  customer_confirmed: {
    en: () => "The customer confirmed. Please get ready and head to the address in the chat.",
    id: () => "Pelanggan sudah mengonfirmasi. Silakan bersiap dan menuju alamat yang ada di chat.",
  },
  customer_chose_another: {
    en: () => "The customer chose another therapist this time. You're available for new bookings.",
    id: () => "Pelanggan memilih terapis lain kali ini. Anda tersedia untuk pemesanan baru.",
  },
  therapist_found: {
    en: () => "Good news! A therapist is available. Open the chat to accept.",
    id: () => "Kabar baik! Ada terapis yang tersedia. Buka chat untuk menerima.",
  },
  booking_confirmed: {
    en: () => "Your booking is confirmed.",
    id: () => "Pemesanan Anda sudah dikonfirmasi.",
  },
  booking_cancelled: {
    en: () => "A booking was cancelled. Open the chat for details.",
    id: () => "Sebuah pemesanan dibatalkan. Buka chat untuk detailnya.",
  },
  booking_expired: {
    en: () => "Your booking request expired. Please try again.",
    id: () => "Permintaan pemesanan Anda kedaluwarsa. Silakan coba lagi.",
  },
  status_update: {
    en: () => "There's an update on your booking. Open the chat to see it.",
    id: () => "Ada kabar terbaru tentang pemesanan Anda. Buka chat untuk melihatnya.",
  },
  payment_due: {
    en: (p, o) =>
      `Commission of ${formatRupiah(p.amount, "en")} is due by ${formatDateTime(p.dueAt, { locale: "en", timeZone: o.timeZone })}.`,
    id: (p, o) =>
      `Komisi sebesar ${formatRupiah(p.amount, "id")} harus dibayar paling lambat ${formatDateTime(p.dueAt, { locale: "id", timeZone: o.timeZone })}.`,
  },
  payment_overdue: {
    en: (p) =>
      `Commission of ${formatRupiah(p.amount, "en")} is overdue. A late fee of ${formatRupiah(p.lateFee, "en")} applies and your account receives no new bookings until it is paid.`,
    id: (p) =>
      `Komisi sebesar ${formatRupiah(p.amount, "id")} sudah lewat jatuh tempo. Denda keterlambatan ${formatRupiah(p.lateFee, "id")} berlaku dan akun Anda tidak menerima pemesanan baru sampai dibayar.`,
  },
  account_restricted: {
    en: () => "Your account is restricted and receives no new bookings.",
    id: () => "Akun Anda dibatasi dan tidak menerima pemesanan baru.",
  },
  restriction_lifted: {
    en: () => "Thank you! Your payment is confirmed and your account is active again.",
    id: () => "Terima kasih! Pembayaran Anda sudah dikonfirmasi dan akun Anda aktif kembali.",
  },
  taken_offline: {
    en: (p) =>
      `You missed ${p.missedOffers} booking requests in a row, so we set you offline. Go online again when you're ready.`,
    id: (p) =>
      `Anda melewatkan ${p.missedOffers} permintaan pemesanan berturut-turut, jadi status Anda kami ubah menjadi offline. Aktifkan kembali saat Anda siap.`,
  },
};

/** The sentence for a notification, in the recipient's language and zone. */
export function renderNotification(notification: Notification, options: RenderOptions): string {
  const template = notificationCatalogue[notification.key][options.locale] as Template<typeof notification.params>;
  return template(notification.params, withDefaults(options));
}
