"use client";

// The page's language for client components. The root layout reads it from the cookie on the server and provides it
// here, so the first paint is already in the right language and nothing waits for the browser to decide.
import type { DateStyle } from "@tenang/booking-core/time";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { areaLabel, longCountdown, money, serviceLabel, when } from "@/lib/format";
import { DEFAULT_LOCALE, getMessages, type Locale, type Messages } from "./messages";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useMessages(): Messages {
  return getMessages(useLocale());
}

export interface Format {
  money: (amount: number) => string;
  when: (instant: string | number, style?: DateStyle) => string;
  serviceLabel: (massageType: string | null, duration: number) => string;
  areaLabel: (area: string | null) => string | null;
  longCountdown: (seconds: number) => string;
}

/** src/lib/format's formatters, bound to the page's language. */
export function useFormat(): Format {
  const locale = useLocale();
  return useMemo(
    () => ({
      money,
      when: (instant, style) => when(instant, style, locale),
      serviceLabel: (massageType, duration) => serviceLabel(massageType, duration, locale),
      areaLabel: (area) => areaLabel(area, locale),
      longCountdown: (seconds) => longCountdown(seconds, locale),
    }),
    [locale],
  );
}
