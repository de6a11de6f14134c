import "server-only";
import { LOCALE_COOKIE, localeFromAcceptLanguage, parseLocaleCookie, type Locale } from "@tenang/booking-core/locale";
import { cookies, headers } from "next/headers";
import { cache } from "react";

/** The reader's language for a page: their explicit choice (the locale cookie), else what their browser asks for. */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  const chosen = parseLocaleCookie((await cookies()).get(LOCALE_COOKIE)?.value);
  return chosen ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
});

/** Binds an app's message catalogue: `getRequestMessages()` is that app's texts in the reader's language. */
export function createRequestMessages<M>(getMessages: (locale: Locale) => M): () => Promise<M> {
  return async () => getMessages(await getRequestLocale());
}
