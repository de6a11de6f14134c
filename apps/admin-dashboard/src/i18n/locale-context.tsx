"use client";

// This app's texts in the page's language (the shared LocaleProvider from @tenang/ui carries it).
import { LocaleProvider, useLocale } from "@tenang/ui/locale-context";
import { getMessages, type Messages } from "./messages";

export { LocaleProvider, useLocale };

export function useMessages(): Messages {
  return getMessages(useLocale());
}
