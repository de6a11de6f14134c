import { localeSchema, type Locale } from "@tenang/booking-core/locale";

/** The cookie that remembers the language a staff member chose (holds no secret, so not httpOnly). */
export const LOCALE_COOKIE = "tenang_locale";
/** A year: a language choice is not something to ask again soon. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The cookie's value as a Locale, or null when it is missing or not one of ours. */
export function parseLocaleCookie(value: string | undefined | null): Locale | null {
  const parsed = localeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
