"use client";

// The page's language for client components. The root layout reads it from the cookie on the server and provides it
// here, so the first paint is already in the right language.
import { createContext, useContext, type ReactNode } from "react";
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
