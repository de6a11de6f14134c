"use client";

// This app's texts and formatters in the page's language (the shared LocaleProvider from @tenang/ui carries it).
import type { DateStyle } from "@tenang/booking-core/time";
import { LocaleProvider, useLocale } from "@tenang/ui/locale-context";
import { useMemo } from "react";
import { areaLabel, longCountdown, money, serviceLabel, when } from "@/lib/format";
import { getMessages, type Messages } from "./messages";

export { LocaleProvider, useLocale };

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
      when: (instant, style) => when(instant, locale, style),
      serviceLabel: (massageType, duration) => serviceLabel(massageType, duration, locale),
      areaLabel: (area) => areaLabel(area, locale),
      longCountdown: (seconds) => longCountdown(seconds, locale),
    }),
    [locale],
  );
}
