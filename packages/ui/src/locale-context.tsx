"use client";

// The page's language for client components, shared by the apps: the root layout reads it on the server (cookie,
// else Accept-Language) and provides it here, so the first paint is already in the right language and nothing waits
// for the browser to decide. Each app binds its own catalogue to it (useMessages in the app's i18n folder).
import { DEFAULT_LOCALE, type Locale } from "@tenang/booking-core/locale";
import { createContext, useContext, type ReactNode } from "react";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
