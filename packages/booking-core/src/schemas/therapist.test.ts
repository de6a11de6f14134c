import { describe, expect, it } from "vitest";
import { therapist } from "../../test/fixtures";
import { errorMapFor } from "../validation";
import { therapistProfileInputSchema, therapistSchema } from "./therapist";

describe("therapist", () => {
  it("parses a stored row, deduplicating lists and normalising times", () => {
    const row = {
      ...therapist(),
      bio: null,
      languages: ["en", "id", "en"],
      lastBookingAt: "2025-11-22T02:00:00.000+00:00",
    };
    expect(therapistSchema.parse(row)).toMatchObject({
      bio: "",
      languages: ["en", "id"],
      lastBookingAt: "2025-11-22T02:00:00.000Z",
    });
  });

  it("refuses unknown areas, languages and massage types with a clear message", () => {
    const result = therapistSchema.safeParse(
      { ...therapist(), area: "legian", languages: ["xx"] },
      { error: errorMapFor("en") },
    );
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Unknown language "xx". Use one of: en, id, ja, zh, ko, ru, fr, de, nl, es.',
      'Unknown area "legian". Use one of: seminyak, canggu, ubud, kuta, sanur, nusa_dua, jimbaran.',
    ]);
    expect(therapistSchema.safeParse({ ...therapist(), massageTypes: ["tantric"] }).success).toBe(false);
    expect(therapistSchema.safeParse({ ...therapist(), rating: 5.5 }).success).toBe(false);
  });

  const profile = {
    name: " Ni Luh  Putu ",
    gender: "female",
    languages: ["id", "en"],
    massageTypes: ["balinese"],
    area: "ubud",
    lat: -8.5,
    lng: 115.26,
    serviceRadiusKm: 10,
    price60: 200_000,
    price90: null,
    price120: null,
    whatsapp: "0812 3456 7890",
    workingHours: { start: "09:00", end: "21:00" },
  };

  it("the profile form normalises the name and the WhatsApp number", () => {
    expect(therapistProfileInputSchema.parse(profile)).toMatchObject({
      name: "Ni Luh Putu",
      whatsapp: "+6281234567890",
      bio: "",
    });
  });

  it("the profile form needs at least one price, a language and a massage type", () => {
    const none = therapistProfileInputSchema.safeParse({ ...profile, price60: null }, { error: errorMapFor("id") });
    expect(none.error?.issues[0]).toMatchObject({
      path: ["price60"],
      message: "Minimal satu harga (60, 90, atau 120 menit) wajib diisi.",
    });
    expect(therapistProfileInputSchema.safeParse({ ...profile, languages: [] }).success).toBe(false);
    expect(therapistProfileInputSchema.safeParse({ ...profile, whatsapp: "+61412345678" }).success).toBe(false);
  });
});
