// The one error type of the booking domain. Pure functions return it (or throw it where a return value would be
// awkward); route handlers map it to an HTTP status with httpStatusFor, in one place.
import type { Locale } from "./locale";

export const domainErrorCodes = [
  "bad_request",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "invalid_transition",
  "version_conflict",
  "no_longer_available",
  "overlapping_booking",
  "idempotency_conflict",
  "idempotency_mismatch",
  "active_booking_exists",
  "scheduled_limit_reached",
  "already_rated",
  "whatsapp_in_use",
  "discount_invalid",
  "slot_unavailable",
  "provider_restricted",
  "payload_too_large",
  "rate_limited",
  "service_unavailable",
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** One field-level problem, already worded in the caller's language. */
export interface ValidationIssue {
  /** Dotted path of the field, "" for the whole value. */
  path: string;
  message: string;
}

export interface DomainErrorOptions {
  details?: Readonly<Record<string, unknown>>;
  issues?: readonly ValidationIssue[];
  /** For `rate_limited` and `service_unavailable`: when the caller may try again. */
  retryAfterMs?: number;
}

export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  readonly issues: readonly ValidationIssue[];
  readonly retryAfterMs: number | undefined;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.code = code;
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

const statusByCode: Record<DomainErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  provider_restricted: 403,
  not_found: 404,
  invalid_transition: 409,
  version_conflict: 409,
  no_longer_available: 409,
  overlapping_booking: 409,
  idempotency_conflict: 409,
  idempotency_mismatch: 422,
  active_booking_exists: 409,
  scheduled_limit_reached: 409,
  already_rated: 409,
  whatsapp_in_use: 409,
  discount_invalid: 422,
  slot_unavailable: 422,
  payload_too_large: 413,
  rate_limited: 429,
  service_unavailable: 503,
};

/** The HTTP status a route handler answers for a domain error. */
export function httpStatusFor(code: DomainErrorCode): 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503 {
  return statusByCode[code];
}

const userMessages: Record<DomainErrorCode, Record<Locale, string>> = {
  bad_request: { en: "The request could not be read.", id: "Permintaan tidak dapat dibaca." },
  validation_failed: { en: "Please check the highlighted fields.", id: "Silakan periksa kolom yang ditandai." },
  unauthorized: { en: "Please sign in again.", id: "Silakan masuk kembali." },
  forbidden: { en: "You are not allowed to do that.", id: "Anda tidak diizinkan melakukan itu." },
  provider_restricted: {
    en: "This account is restricted until outstanding commission is paid.",
    id: "Akun ini dibatasi sampai komisi yang tertunggak dibayar.",
  },
  not_found: { en: "Not found.", id: "Tidak ditemukan." },
  invalid_transition: {
    en: "That is not possible for this booking right now.",
    id: "Hal itu tidak dapat dilakukan untuk pemesanan ini sekarang.",
  },
  version_conflict: {
    en: "This booking changed in the meantime. Please refresh and try again.",
    id: "Pemesanan ini baru saja berubah. Silakan muat ulang dan coba lagi.",
  },
  no_longer_available: { en: "This booking is no longer available.", id: "Pemesanan ini sudah tidak tersedia." },
  overlapping_booking: {
    en: "The therapist already has a booking at that time.",
    id: "Terapis sudah memiliki pemesanan pada waktu tersebut.",
  },
  idempotency_conflict: {
    en: "This request is already being processed.",
    id: "Permintaan ini sedang diproses.",
  },
  idempotency_mismatch: {
    en: "This request key was already used for a different request.",
    id: "Kunci permintaan ini sudah dipakai untuk permintaan lain.",
  },
  active_booking_exists: {
    en: "You already have a booking under way. Finish or cancel it before booking again.",
    id: "Anda masih memiliki pemesanan yang sedang berjalan. Selesaikan atau batalkan dulu sebelum memesan lagi.",
  },
  scheduled_limit_reached: {
    en: "You already have the most upcoming scheduled bookings allowed. Cancel one to schedule another.",
    id: "Anda sudah mencapai batas pemesanan terjadwal yang akan datang. Batalkan salah satu untuk menjadwalkan lagi.",
  },
  already_rated: {
    en: "You have already rated this booking. Thank you!",
    id: "Anda sudah memberi penilaian untuk pemesanan ini. Terima kasih!",
  },
  // A WhatsApp number signs in to one therapist account only (finding 8, issue 9).
  whatsapp_in_use: {
    en: "This WhatsApp number is already used by another account.",
    id: "Nomor WhatsApp ini sudah dipakai akun lain.",
  },
  discount_invalid: { en: "This discount code cannot be used.", id: "Kode diskon ini tidak dapat digunakan." },
  slot_unavailable: { en: "This time slot is not available.", id: "Slot waktu ini tidak tersedia." },
  payload_too_large: {
    en: "That request is too large.",
    id: "Permintaan itu terlalu besar.",
  },
  rate_limited: {
    en: "Too many requests. Please wait a moment.",
    id: "Terlalu banyak permintaan. Mohon tunggu sebentar.",
  },
  service_unavailable: {
    en: "The service is temporarily unavailable. Please try again shortly.",
    id: "Layanan sedang tidak tersedia. Silakan coba lagi sebentar lagi.",
  },
};

/** A sentence to show an end user for an error code, in their language. */
export function userMessageFor(code: DomainErrorCode, locale: Locale): string {
  return userMessages[code][locale];
}
