// The two UI languages. Everything user-facing in booking-core (system messages, validation messages, formatted
// money and dates) takes one of these.
import * as z from "zod";

export const locales = ["en", "id"] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const DEFAULT_LOCALE: Locale = "en";

/** The cookie every app remembers a person's language choice in (holds no secret, so not httpOnly). */
export const LOCALE_COOKIE = "tenang_locale";
/** A year: a language choice is not something to ask again soon. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The cookie's value as a Locale, or null when it is missing or not one of ours. */
export function parseLocaleCookie(value: string | undefined | null): Locale | null {
  const parsed = localeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Picks the UI language from an Accept-Language header: Indonesian when the first language the browser lists that we
 * support is `id` (or the legacy `in`), English otherwise.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { lang } of ranked) {
    if (lang === "id" || lang === "in") return "id";
    if (lang === "en") return "en";
  }
  return DEFAULT_LOCALE;
}
