import type { Locale } from "@tenang/booking-core/locale";
import { cx } from "@tenang/ui/class-names";
import type { Messages } from "@/i18n/messages";

/**
 * EN | ID as a plain form: works before the page hydrates and without JavaScript. The route sets the cookie and
 * sends the browser back to the page it came from (its Referer), now server-rendered in the other language.
 */
export function LanguageSwitch({ locale, messages: m }: { locale: Locale; messages: Messages }) {
  return (
    <form action="/api/locale" method="post" className="flex rounded-full border border-sand-200 bg-white p-0.5">
      <fieldset className="contents">
        <legend className="sr-only">{m.language.label}</legend>
        {(["en", "id"] as const).map((option) => (
          <button
            key={option}
            type="submit"
            name="locale"
            value={option}
            lang={option}
            aria-pressed={option === locale}
            aria-label={m.language[option]}
            className={cx(
              "h-7 min-w-9 rounded-full px-2 text-xs font-semibold transition-colors",
              option === locale ? "bg-tenang-600 text-white" : "text-sand-600 hover:bg-sand-100",
            )}
            data-testid={`locale-${option}`}
          >
            {m.language.short[option]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
