import "server-only";
import { localeSchema, type Locale } from "@tenang/booking-core/locale";
import { e164Schema } from "@tenang/booking-core/phone";
import { personNameSchema } from "@tenang/booking-core/schemas/person";

/**
 * What a guest's booking form remembers for next time (Appwrite user prefs). Each field is read on its own, so one
 * bad value (an old format, a hand edit in the console) costs that field, not the rest.
 */
export interface GuestProfile {
  name: string | null;
  /** E.164, as booking-core normalised it. */
  whatsapp: string | null;
  locale: Locale | null;
}

export const emptyGuestProfile: GuestProfile = { name: null, whatsapp: null, locale: null };

/** What `field` needs of a booking-core (zod) schema; this package does not depend on zod itself. */
interface FieldSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const field = <T>(schema: FieldSchema<T>, value: unknown): T | null => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export function parseGuestProfile(prefs: Record<string, unknown>): GuestProfile {
  return {
    name: field(personNameSchema, prefs.name),
    whatsapp: field(e164Schema, prefs.whatsapp),
    locale: field(localeSchema, prefs.locale),
  };
}

export function toGuestPrefs(profile: GuestProfile): Record<string, unknown> {
  return { name: profile.name, whatsapp: profile.whatsapp, locale: profile.locale };
}
