// What the domain's enums are called on screen, in both UI languages: one list for every app, so a massage type or an
// area reads the same on the customer site, the therapist dashboard and the admin dashboard.
import type { Locale } from "./locale";
import type { Area, Language, MassageType } from "./schemas/common";

/** Place names: the same in both languages. */
export const areaLabels: Readonly<Record<Area, string>> = {
  seminyak: "Seminyak",
  canggu: "Canggu",
  ubud: "Ubud",
  kuta: "Kuta",
  sanur: "Sanur",
  nusa_dua: "Nusa Dua",
  jimbaran: "Jimbaran",
};

export const massageTypeLabels: Readonly<Record<Locale, Readonly<Record<MassageType, string>>>> = {
  en: {
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
  },
  id: {
    balinese: "Pijat Bali",
    deep_tissue: "Deep tissue",
    swedish: "Swedia",
    hot_stone: "Batu panas",
    reflexology: "Refleksi",
    aromatherapy: "Aromaterapi",
    thai: "Pijat Thai",
    shiatsu: "Shiatsu",
    prenatal: "Pijat ibu hamil",
    sports: "Pijat olahraga",
    lomi_lomi: "Lomi lomi",
    scrub: "Lulur",
  },
};

/** The languages a provider speaks, named in the reader's language. */
export const languageLabels: Readonly<Record<Locale, Readonly<Record<Language, string>>>> = {
  en: {
    en: "English",
    id: "Bahasa Indonesia",
    ja: "Japanese",
    zh: "Chinese",
    ko: "Korean",
    ru: "Russian",
    fr: "French",
    de: "German",
    nl: "Dutch",
    es: "Spanish",
  },
  id: {
    en: "Inggris",
    id: "Bahasa Indonesia",
    ja: "Jepang",
    zh: "Mandarin",
    ko: "Korea",
    ru: "Rusia",
    fr: "Prancis",
    de: "Jerman",
    nl: "Belanda",
    es: "Spanyol",
  },
};
