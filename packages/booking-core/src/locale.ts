// The two UI languages. Everything user-facing in booking-core (system messages, validation messages, formatted
// money and dates) takes one of these.
import * as z from "zod";

export const locales = ["en", "id"] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const DEFAULT_LOCALE: Locale = "en";

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
