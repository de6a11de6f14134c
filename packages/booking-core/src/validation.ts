// Validation messages in English and Indonesian. Schemas stay free of wording: pass `errorMapFor(locale)` to a parse
// (`schema.safeParse(input, { error: errorMapFor("id") })`, or a form resolver's schema options), or use parseWith,
// which also turns failures into a DomainError("validation_failed") for route handlers.
import * as z from "zod";
import { DomainError, type ValidationIssue } from "./errors";
import type { Locale } from "./locale";

type Bilingual = Record<Locale, string>;

/** Messages for checks that zod cannot word itself; a refine names one with `withMessage(key)`. */
const customMessages = {
  id_invalid: {
    en: "Must be 1–36 letters, digits, '.', '-' or '_', starting with a letter or digit.",
    id: "Harus 1–36 huruf, angka, '.', '-' atau '_', diawali huruf atau angka.",
  },
  booking_id_invalid: {
    en: "A booking id is 1–32 letters, digits, '.', '-' or '_', starting with a letter or digit.",
    id: "ID pemesanan berisi 1–32 huruf, angka, '.', '-' atau '_', diawali huruf atau angka.",
  },
  iso_utc_required: {
    en: "Must be a UTC date-time such as 2025-11-22T06:30:00.000Z.",
    id: "Harus berupa tanggal-waktu UTC seperti 2025-11-22T06:30:00.000Z.",
  },
  rupiah_invalid: {
    en: "Must be a whole rupiah amount between 0 and 100.000.000.",
    id: "Harus berupa jumlah rupiah bulat antara 0 dan 100.000.000.",
  },
  time_of_day_invalid: {
    en: "Use 24-hour time as HH:mm, for example 09:00 or 21:30.",
    id: "Gunakan format 24 jam HH:mm, misalnya 09:00 atau 21:30.",
  },
  phone_invalid: {
    en: "Enter a valid WhatsApp number, for example 0812 3456 7890 or +61 412 345 678.",
    id: "Masukkan nomor WhatsApp yang valid, misalnya 0812 3456 7890 atau +61 412 345 678.",
  },
  phone_not_indonesian_mobile: {
    en: "Enter an Indonesian mobile number, for example 0812 3456 7890.",
    id: "Masukkan nomor ponsel Indonesia, misalnya 0812 3456 7890.",
  },
  e164_invalid: {
    en: "Must be a phone number in international format, such as +6281234567890.",
    id: "Harus berupa nomor telepon format internasional, seperti +6281234567890.",
  },
  name_invalid: {
    en: "Enter a name of 2–60 letters (spaces, apostrophes, dots and hyphens are fine).",
    id: "Masukkan nama 2–60 huruf (spasi, apostrof, titik, dan tanda hubung diperbolehkan).",
  },
  address_too_short: {
    en: "Enter an address of at least 5 characters.",
    id: "Masukkan alamat minimal 5 karakter.",
  },
  room_number_invalid: {
    en: "A room number is up to 20 letters, digits, spaces, '-' or '/'.",
    id: "Nomor kamar berisi maksimal 20 huruf, angka, spasi, '-' atau '/'.",
  },
  discount_code_invalid: {
    en: "A discount code is 3–32 letters, digits, '-' or '_'.",
    id: "Kode diskon berisi 3–32 huruf, angka, '-' atau '_'.",
  },
  price_required: {
    en: "At least one of the 60, 90 or 120 minute prices is required.",
    id: "Minimal satu harga (60, 90, atau 120 menit) wajib diisi.",
  },
  scheduled_for_required: {
    en: "Choose a date and time for a scheduled booking.",
    id: "Pilih tanggal dan waktu untuk pemesanan terjadwal.",
  },
  scheduled_for_not_allowed: {
    en: "An immediate booking has no scheduled time.",
    id: "Pemesanan langsung tidak memiliki waktu terjadwal.",
  },
  provider_required: {
    en: "A spa booking names the spa; a therapist booking names no spa.",
    id: "Pemesanan spa harus menyebut spanya; pemesanan terapis tidak menyebut spa.",
  },
  source_kind_mismatch: {
    en: "A booking from the schedule button is a scheduled booking.",
    id: "Pemesanan dari tombol jadwal adalah pemesanan terjadwal.",
  },
  window_invalid: {
    en: "The end must be after the start.",
    id: "Waktu akhir harus setelah waktu mulai.",
  },
  percent_out_of_range: {
    en: "A percentage discount is between 1 and 100.",
    id: "Diskon persentase bernilai antara 1 dan 100.",
  },
  message_empty: {
    en: "A message cannot be empty.",
    id: "Pesan tidak boleh kosong.",
  },
  chat_search_invalid: {
    en: "Search for 1–200 characters of text, without line breaks or control characters.",
    id: "Cari 1–200 karakter teks, tanpa baris baru atau karakter kontrol.",
  },
} as const satisfies Record<string, Bilingual>;

export type ValidationMessageKey = keyof typeof customMessages;

/** Params for `.refine(check, withMessage("phone_invalid"))`: the error map words the issue per locale. */
export function withMessage(key: ValidationMessageKey): { params: { key: ValidationMessageKey } } {
  return { params: { key } };
}

/** Human names of the closed-enum fields, so "Unknown status" reads as "Unknown booking status". */
const fieldLabels: Record<string, Bilingual> = {
  status: { en: "status", id: "status" },
  source: { en: "booking source", id: "sumber pemesanan" },
  kind: { en: "kind", id: "jenis" },
  providerType: { en: "provider type", id: "jenis penyedia" },
  gender: { en: "gender", id: "jenis kelamin" },
  preferredTherapistGender: { en: "therapist gender", id: "jenis kelamin terapis" },
  area: { en: "area", id: "area" },
  massageType: { en: "massage type", id: "jenis pijat" },
  massageTypes: { en: "massage type", id: "jenis pijat" },
  languages: { en: "language", id: "bahasa" },
  preferredLanguage: { en: "language", id: "bahasa" },
  cancelReason: { en: "cancellation reason", id: "alasan pembatalan" },
  cancelledBy: { en: "cancelled-by party", id: "pihak pembatal" },
  declineReason: { en: "decline reason", id: "alasan penolakan" },
  expiryReason: { en: "expiry reason", id: "alasan kedaluwarsa" },
  senderType: { en: "sender", id: "pengirim" },
  systemKey: { en: "system message", id: "pesan sistem" },
  locale: { en: "language", id: "bahasa" },
};

const durationMessage: Bilingual = {
  en: "Duration must be 60, 90 or 120 minutes.",
  id: "Durasi harus 60, 90, atau 120 menit.",
};

function fieldName(path: readonly PropertyKey[] | undefined): string | undefined {
  if (!path) return undefined;
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const segment = path[i];
    if (typeof segment === "string") return segment;
  }
  return undefined;
}

function unknownValueMessage(
  locale: Locale,
  field: string | undefined,
  input: unknown,
  values: readonly unknown[],
): string {
  const label = (field && fieldLabels[field]?.[locale]) ?? field ?? (locale === "id" ? "nilai" : "value");
  const shown = typeof input === "string" || typeof input === "number" ? ` "${String(input)}"` : "";
  const options = values.map(String).join(", ");
  return locale === "id"
    ? `${label.charAt(0).toUpperCase()}${label.slice(1)}${shown} tidak dikenal. Gunakan salah satu dari: ${options}.`
    : `Unknown ${label}${shown}. Use one of: ${options}.`;
}

const zodLocales: Partial<Record<Locale, z.core.$ZodErrorMap>> = {};
function zodLocaleError(locale: Locale): z.core.$ZodErrorMap {
  const cached = zodLocales[locale];
  if (cached) return cached;
  const map = (locale === "id" ? z.locales.id() : z.locales.en()).localeError;
  zodLocales[locale] = map;
  return map;
}

function isDurationValues(values: readonly unknown[]): boolean {
  return values.length === 3 && values[0] === 60 && values[1] === 90 && values[2] === 120;
}

/** A zod error map wording every issue in `locale`. */
export function errorMapFor(locale: Locale): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code === "invalid_value") {
      const values = issue.values as readonly unknown[];
      if (isDurationValues(values)) return durationMessage[locale];
      return unknownValueMessage(locale, fieldName(issue.path), issue.input, values);
    }
    if (issue.code === "custom") {
      const key = (issue.params as { key?: string } | undefined)?.key;
      if (key !== undefined && key in customMessages) return customMessages[key as ValidationMessageKey][locale];
    }
    return zodLocaleError(locale)(issue);
  };
}

/** The message for a custom key, for callers that build their own issues (e.g. slot checks). */
export function validationMessage(key: ValidationMessageKey, locale: Locale): string {
  return customMessages[key][locale];
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/**
 * Parses `input` with `schema`, wording problems in `locale`. Returns the parsed value or a
 * DomainError("validation_failed") whose `issues` list each field's problem.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> | DomainError {
  const result = schema.safeParse(input, { error: errorMapFor(locale) });
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  return new DomainError(
    "validation_failed",
    issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "),
    {
      issues,
    },
  );
}

/** Like parseWith, but throws the DomainError: for route handlers that let one wrapper map errors. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = parseWith(schema, input, locale);
  if (result instanceof DomainError) throw result;
  return result;
}
