import type { Locale } from "@tenang/booking-core/locale";
import { cx } from "./cx";

export interface LanguageSwitchLabels {
  /** The group's name for screen readers ("Language"). */
  label: string;
  /** Each language's full name, read out for its button. */
  en: string;
  id: string;
  /** What the buttons show ("EN", "ID"). */
  short: Record<Locale, string>;
}

/**
 * EN | ID as a plain form: works before the page hydrates and without JavaScript. The app's POST /api/locale sets
 * the cookie and sends the browser back to the page it came from (its Referer), now server-rendered in the other
 * language.
 */
export function LanguageSwitch({ locale, labels }: { locale: Locale; labels: LanguageSwitchLabels }) {
  return (
    <form action="/api/locale" method="post" className="flex rounded-full border border-sand-200 bg-white p-0.5">
      <fieldset className="contents">
        <legend className="sr-only">{labels.label}</legend>
        {(["en", "id"] as const).map((option) => (
          <button
            key={option}
            type="submit"
            name="locale"
            value={option}
            lang={option}
            aria-pressed={option === locale}
            aria-label={labels[option]}
            className={cx(
              "h-7 min-w-9 rounded-full px-2 text-xs font-semibold transition-colors",
              option === locale ? "bg-tenang-600 text-white" : "text-sand-600 hover:bg-sand-100",
            )}
            data-testid={`locale-${option}`}
          >
            {labels.short[option]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
