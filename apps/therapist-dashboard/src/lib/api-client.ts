// This app's fetch: the one API client of chat-client (ApiError, network failure code `network`, the server clock set
// from `serverTime`). Routes word their errors in the caller's language (the locale cookie reaches them), so
// components show the server's words; only failures with no answer to word them are worded here, in the page's
// language.
import { parseLocaleCookie } from "@tenang/booking-core/locale";
import { createApiClient } from "@tenang/chat-client/api-client";
import { getMessages } from "@/i18n/messages";

/** The page's language as the root layout set it on <html lang> (the therapist's choice, else their browser's). */
function pageMessages() {
  const locale = typeof document === "undefined" ? null : parseLocaleCookie(document.documentElement.lang);
  return getMessages(locale ?? undefined).common;
}

export const apiFetch = createApiClient({
  wording: { network: () => pageMessages().offline, unreadable: () => pageMessages().unknownError },
});
