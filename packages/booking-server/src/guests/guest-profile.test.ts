import { describe, expect, it } from "vitest";
import { parseGuestProfile, toGuestPrefs } from "./guest-profile";

describe("guest profile (user prefs)", () => {
  it("reads back what a booking stored", () => {
    const prefs = toGuestPrefs({ name: "Emma Clarke", whatsapp: "+6281234567890", locale: "id" });
    expect(parseGuestProfile(prefs)).toEqual({ name: "Emma Clarke", whatsapp: "+6281234567890", locale: "id" });
  });

  it("drops each bad field on its own, keeping the rest", () => {
    expect(parseGuestProfile({ name: "Emma", whatsapp: "0812 3456 7890", locale: "fr" })).toEqual({
      name: "Emma",
      whatsapp: null,
      locale: null,
    });
    expect(parseGuestProfile({})).toEqual({ name: null, whatsapp: null, locale: null });
  });
});
