import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeSchema } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [null, "en"],
    [undefined, "en"],
    ["", "en"],
    ["id-ID,id;q=0.9,en-US;q=0.8", "id"],
    ["in", "id"],
    ["en-AU,en;q=0.9,id;q=0.8", "en"],
    ["de-DE,de;q=0.9,id;q=0.5", "id"],
    ["de-DE,fr;q=0.9", "en"],
    ["en;q=0.2,id;q=0.8", "id"],
    ["id;q=0,en", "en"],
    ["id;q=abc", "en"],
  ])("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it("accepts only en and id", () => {
    expect(localeSchema.safeParse("id").success).toBe(true);
    expect(localeSchema.safeParse("fr").success).toBe(false);
  });
});
