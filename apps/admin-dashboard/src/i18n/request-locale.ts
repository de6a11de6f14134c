import "server-only";
import { localeFromAcceptLanguage, type Locale } from "@tenang/booking-core/locale";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getMessages, type Messages } from "./messages";
import { LOCALE_COOKIE, parseLocaleCookie } from "./locale-cookie";

/** The reader's language for a page: their explicit choice (cookie), else what their browser asks for. */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  const chosen = parseLocaleCookie((await cookies()).get(LOCALE_COOKIE)?.value);
  return chosen ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
});

export async function getRequestMessages(): Promise<Messages> {
  return getMessages(await getRequestLocale());
}
