// Phone numbers as people in Indonesia type them (0812…, 62812…, +62 812…, even +62 0812…), normalised to E.164.
// Therapists must have an Indonesian mobile; customers may be tourists, so their WhatsApp may be any country's mobile
// when typed with a + (or 00) country code. Validation uses libphonenumber-js's mobile metadata, which accepts
// mobile numbers only (an 0361 Denpasar landline has no WhatsApp and is refused).
import { parsePhoneNumberFromString } from "libphonenumber-js/mobile";
import * as z from "zod";
import { withMessage } from "./validation";

export type PhoneProblem = "empty" | "invalid" | "not_indonesian";

export type PhoneResult =
  { ok: true; e164: string; country: string | undefined } | { ok: false; problem: PhoneProblem };

const SEPARATORS = /[\s\u00a0\-.()/]/g;

/** Rewrites the Indonesian habits into one "+<digits>" candidate, or null when the input cannot be a number. */
function toInternationalCandidate(raw: string): string | null {
  let s = raw.replace(SEPARATORS, "");
  if (s.startsWith("00")) s = `+${s.slice(2)}`;
  if (!s.startsWith("+")) {
    if (s.startsWith("62")) s = `+${s}`;
    else if (s.startsWith("0")) s = `+62${s.slice(1)}`;
    else if (s.startsWith("8")) s = `+62${s}`;
    else return null;
  }
  // "+62 0812…": the domestic trunk 0 kept after the country code.
  if (s.startsWith("+620")) s = `+62${s.slice(4)}`;
  return /^\+\d{6,16}$/.test(s) ? s : null;
}

/**
 * Normalises a WhatsApp number to E.164. Indonesian formats (08…, 8…, 62…, +62…, 0062…) must be an Indonesian mobile;
 * other countries need a leading + or 00 and must be a mobile there, unless `indonesiaOnly`.
 */
export function normalizePhone(input: string, options: { indonesiaOnly?: boolean } = {}): PhoneResult {
  if (input.trim() === "") return { ok: false, problem: "empty" };
  const candidate = toInternationalCandidate(input.trim());
  if (candidate === null) return { ok: false, problem: "invalid" };
  const parsed = parsePhoneNumberFromString(candidate);
  if (!parsed?.isValid()) return { ok: false, problem: "invalid" };
  if (options.indonesiaOnly && parsed.country !== "ID") return { ok: false, problem: "not_indonesian" };
  return { ok: true, e164: parsed.number, country: parsed.country };
}

/** True for an Indonesian mobile number in any of the usual spellings. */
export function isIndonesianMobile(input: string): boolean {
  return normalizePhone(input, { indonesiaOnly: true }).ok;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** A stored number: already E.164 (what the database holds). */
export const e164Schema = z.string().refine((value) => E164.test(value), withMessage("e164_invalid"));

function normalizingSchema(indonesiaOnly: boolean) {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      const result = normalizePhone(value, { indonesiaOnly });
      if (result.ok) return result.e164;
      ctx.addIssue({
        code: "custom",
        input: value,
        params: { key: indonesiaOnly ? "phone_not_indonesian_mobile" : "phone_invalid" },
      });
      return z.NEVER;
    });
}

/** Form/body field for a therapist's WhatsApp: any Indonesian spelling in, E.164 out. */
export const indonesianMobileSchema = normalizingSchema(true);

/** Form/body field for a customer's WhatsApp: Indonesian spellings, or any country's mobile with +/00. */
export const whatsappInputSchema = normalizingSchema(false);

/** "+62 812-3456-7890" (international) or "0812-3456-7890" (national), for display. */
export function formatPhone(e164: string, style: "international" | "national" = "international"): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return style === "national" ? parsed.formatNational() : parsed.formatInternational();
}

/** A wa.me link that opens a WhatsApp chat with the number, optionally with a prefilled message. */
export function whatsappLink(e164: string, text?: string): string {
  const digits = e164.replace(/\D/g, "");
  return text ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}` : `https://wa.me/${digits}`;
}
