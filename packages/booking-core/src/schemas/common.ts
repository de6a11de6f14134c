// The building blocks every schema uses: ids, UTC timestamps, rupiah, coordinates and the closed enums of the domain.
// Enums are closed on purpose: an unknown value is a validation error (worded by validation.ts), never passed through.
import * as z from "zod";
import { durations } from "../prices";
import { isRupiah } from "../rupiah";
import { isUtcIsoString, toIso } from "../time";
import { withMessage } from "../validation";

const APPWRITE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;

/** An Appwrite row/user/file id: 1–36 chars of [A-Za-z0-9._-], not starting with a symbol. */
export const idSchema = z.string().refine((v) => APPWRITE_ID.test(v), withMessage("id_invalid"));

/** Booking ids are at most 32 chars so that derived offer ids (`<bookingId>_<attempt>`) fit Appwrite's 36. */
export const bookingIdSchema = z
  .string()
  .refine((v) => APPWRITE_ID.test(v) && v.length <= 32, withMessage("booking_id_invalid"));

/** A UTC instant. Accepts `Z` or Appwrite's `+00:00`, outputs the canonical `2025-11-22T06:30:00.000Z`. */
export const utcDateTimeSchema = z
  .string()
  .refine(isUtcIsoString, withMessage("iso_utc_required"))
  .transform((v) => toIso(v));

/** Whole rupiah, 0 … Rp100.000.000. */
export const rupiahSchema = z.number().refine(isRupiah, withMessage("rupiah_invalid"));

export const latitudeSchema = z.number().min(-90).max(90);
export const longitudeSchema = z.number().min(-180).max(180);

/** Session length in minutes: 60, 90 or 120, nothing else. */
export const durationSchema = z.literal(durations);

export const areas = ["seminyak", "canggu", "ubud", "kuta", "sanur", "nusa_dua", "jimbaran"] as const;
export const areaSchema = z.enum(areas);
export type Area = z.infer<typeof areaSchema>;

export const languages = ["en", "id", "ja", "zh", "ko", "ru", "fr", "de", "nl", "es"] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const massageTypes = [
  "balinese",
  "deep_tissue",
  "swedish",
  "hot_stone",
  "reflexology",
  "aromatherapy",
  "thai",
  "shiatsu",
  "prenatal",
  "sports",
  "lomi_lomi",
  "scrub",
] as const;
export const massageTypeSchema = z.enum(massageTypes);
export type MassageType = z.infer<typeof massageTypeSchema>;

export const genders = ["female", "male"] as const;
export const genderSchema = z.enum(genders);
export type Gender = z.infer<typeof genderSchema>;

export const providerTypes = ["therapist", "place"] as const;
export const providerTypeSchema = z.enum(providerTypes);
export type ProviderType = z.infer<typeof providerTypeSchema>;

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Local wall-clock time "HH:mm", 24-hour. */
export const timeOfDaySchema = z.string().refine((v) => TIME_OF_DAY.test(v), withMessage("time_of_day_invalid"));

/**
 * Daily hours in the provider's local time (WITA for Bali). `end` ≤ `start` means the hours run past midnight
 * ("18:00"–"02:00"); `start` = `end` means open around the clock.
 */
export const workingHoursSchema = z.object({ start: timeOfDaySchema, end: timeOfDaySchema });
export type WorkingHours = z.infer<typeof workingHoursSchema>;
