// Every piece of UI text lives here, keyed by locale, so Bahasa Indonesia is a second object rather than a hunt
// through components. Only English exists so far; `getMessages` is the single switch point.
import { DEFAULT_LOCALE, type Locale } from "@tenang/booking-core/locale";
import type { Area, MassageType } from "@tenang/booking-core/schemas/common";

const en = {
  /** Prices are shown Indonesian-style (Rp350.000) everywhere for now; the English style is `IDR 350,000`. */
  moneyLocale: "id" as Locale,
  meta: {
    title: "Tenang — massage at your villa in Bali",
    description: "Book a trusted massage therapist to your villa, hotel or home in Bali, or a session at a spa.",
  },
  footer: "Tenang · mobile massage & wellness in Bali",
  home: {
    title: "Calm, delivered.",
    intro: "Trusted therapists come to your villa, hotel or home — or visit a spa nearby.",
    therapists: "Therapists",
    places: "Spas",
    noTherapists: "No therapists here right now",
    noTherapistsHint: "Try another area — therapists come online throughout the day.",
    noPlaces: "No spas listed here yet",
    noPlacesHint: "Try another area, or book a therapist to come to you.",
    showAllAreas: "Show all of Bali",
  },
  areaPicker: { label: "Area", all: "All Bali" },
  areas: {
    seminyak: "Seminyak",
    canggu: "Canggu",
    ubud: "Ubud",
    kuta: "Kuta",
    sanur: "Sanur",
    nusa_dua: "Nusa Dua",
    jimbaran: "Jimbaran",
  } satisfies Record<Area, string>,
  availability: { available: "Available now", busy: "In a session", offline: "Offline" },
  duration: (minutes: number) => `${minutes} min`,
  distance: (km: number) => `${km.toLocaleString("en")} km away`,
  notOffered: "—",
  rating: {
    new: "New",
    describe: (value: string, count: number) =>
      `Rated ${value} out of 5 from ${count} ${count === 1 ? "review" : "reviews"}`,
  },
  massageTypes: {
    balinese: "Balinese",
    deep_tissue: "Deep tissue",
    swedish: "Swedish",
    hot_stone: "Hot stone",
    reflexology: "Reflexology",
    aromatherapy: "Aromatherapy",
    thai: "Thai",
    shiatsu: "Shiatsu",
    prenatal: "Prenatal",
    sports: "Sports",
    lomi_lomi: "Lomi lomi",
    scrub: "Body scrub",
  } satisfies Record<MassageType, string>,
  profile: {
    back: "All therapists",
    about: "About",
    languages: "Speaks",
    massageTypes: "Massages",
    priceMenu: "Price menu",
    priceMenuNote: "Prices include travel to you within the therapist's service area.",
  },
  place: { opens: (start: string, end: string) => `Open ${start}–${end}` },
  error: {
    title: "We couldn't load this page",
    body: "The connection may have dropped. Please try again in a moment.",
    retry: "Try again",
  },
  notFound: {
    title: "We couldn't find that",
    body: "The page or therapist may no longer be listed.",
    home: "Back to home",
  },
};

export type Messages = typeof en;

const byLocale: Record<Locale, Messages> = {
  en,
  // Bahasa Indonesia arrives with the language switch; until then it shows English rather than missing keys.
  id: en,
};

export function getMessages(locale: Locale = DEFAULT_LOCALE): Messages {
  return byLocale[locale];
}

/** A language code as its name in the reader's language ("id" → "Indonesian"). */
export function languageName(code: string, locale: Locale = DEFAULT_LOCALE): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function massageTypeName(messages: Messages, type: MassageType): string {
  return messages.massageTypes[type];
}
