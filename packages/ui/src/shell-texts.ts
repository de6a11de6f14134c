// The words of the dashboard shell that both dashboards say the same way, in English and Bahasa Indonesia: each
// app's message catalogue takes these blocks instead of writing them out again.
import type { Locale } from "@tenang/booking-core/locale";
import type { LanguageSwitchLabels } from "./language-switch";

export interface ShellTexts {
  language: LanguageSwitchLabels;
  signOut: string;
  /** The error page (see error-page): a page failed to load. */
  error: { title: string; body: string; retry: string };
}

export const shellTexts: Record<Locale, ShellTexts> = {
  en: {
    language: { label: "Language", en: "English", id: "Bahasa Indonesia", short: { en: "EN", id: "ID" } },
    signOut: "Sign out",
    error: {
      title: "We couldn't load this page",
      body: "The connection may have dropped. Please try again in a moment.",
      retry: "Try again",
    },
  },
  id: {
    language: { label: "Bahasa", en: "English", id: "Bahasa Indonesia", short: { en: "EN", id: "ID" } },
    signOut: "Keluar",
    error: {
      title: "Halaman ini gagal dimuat",
      body: "Koneksi mungkin terputus. Silakan coba lagi sebentar lagi.",
      retry: "Coba lagi",
    },
  },
};
