import { describe, expect, it } from "vitest";
import { isValidName, normalizeName, personNameSchema } from "./person";

describe("names", () => {
  it.each([
    "Wayan",
    "Ni Luh Putu Ayu",
    "I Made Wirawan",
    "O'Brien",
    "Jean-Luc Picard",
    "Dr. Siti Nurhaliza",
    "Ketut Sudiarta",
    "佐藤 花子",
    "José Álvarez",
    "Nguyễn Văn An",
  ])("accepts %s", (name) => {
    expect(isValidName(name)).toBe(true);
  });
  it.each(["", "A", "  ", "Wayan123", "😀 Wayan", "http://spam", "-Wayan", "x".repeat(61), "..."])(
    "refuses %j",
    (name) => {
      expect(isValidName(name)).toBe(false);
    },
  );
  it("normalises whitespace", () => {
    expect(normalizeName("  Ni   Luh\tPutu ")).toBe("Ni Luh Putu");
    expect(personNameSchema.parse("  Made  Wira ")).toBe("Made Wira");
    expect(personNameSchema.safeParse("W4yan").success).toBe(false);
  });
});
