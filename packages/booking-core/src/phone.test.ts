import { describe, expect, it } from "vitest";
import {
  e164Schema,
  formatPhone,
  indonesianMobileSchema,
  isIndonesianMobile,
  normalizePhone,
  whatsappInputSchema,
  whatsappLink,
} from "./phone";
import { errorMapFor } from "./validation";

describe("normalizePhone: the ways people in Indonesia type a number", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["0812.3456.7890", "+6281234567890"],
    ["(0812) 3456-7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["+62-812-3456-7890", "+6281234567890"],
    ["+6281234567890", "+6281234567890"],
    ["62812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+62 0812 3456 7890", "+6281234567890"],
    ["0062 812 3456 7890", "+6281234567890"],
    ["812 3456 7890", "+6281234567890"],
    [" 0812\u00a03456\u00a07890 ", "+6281234567890"],
    ["08123456789", "+628123456789"],
    ["0811-380-1234", "+628113801234"],
    ["0857 1234 5678", "+6285712345678"],
    ["0896 1234 5678", "+6289612345678"],
    ["0881 1234 5678", "+6288112345678"],
  ])("%s → %s", (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164, country: "ID" });
    expect(normalizePhone(input, { indonesiaOnly: true })).toMatchObject({ ok: true, e164 });
    expect(isIndonesianMobile(input)).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["0361 123456", "invalid"], // a Denpasar landline: no WhatsApp
    ["+62 361 123456", "invalid"],
    ["62 21 5551234", "invalid"],
    ["08123", "invalid"],
    ["0812345678901234", "invalid"],
    ["phone", "invalid"],
    ["+62 812 3456 78ab", "invalid"],
    ["12345678", "invalid"],
    ["+44 20 7946 0958", "invalid"], // a London landline
  ])("refuses %j (%s)", (input, problem) => {
    expect(normalizePhone(input)).toEqual({ ok: false, problem });
    expect(isIndonesianMobile(input)).toBe(false);
  });

  it.each([
    ["+61 412 345 678", "+61412345678", "AU"],
    ["0061 412 345 678", "+61412345678", "AU"],
    ["+1 415 555 2671", "+14155552671", "US"],
  ])("accepts a visitor's mobile %s, but not as an Indonesian number", (input, e164, country) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164, country });
    expect(normalizePhone(input, { indonesiaOnly: true })).toEqual({ ok: false, problem: "not_indonesian" });
  });
});

describe("phone schemas", () => {
  it("a customer's WhatsApp field normalises to E.164 and explains a bad number", () => {
    expect(whatsappInputSchema.parse(" 0812-3456-7890 ")).toBe("+6281234567890");
    expect(whatsappInputSchema.parse("+61 412 345 678")).toBe("+61412345678");
    const error = whatsappInputSchema.safeParse("0361 123456", { error: errorMapFor("id") }).error;
    expect(error?.issues[0]?.message).toMatch(/^Masukkan nomor WhatsApp yang valid/);
  });

  it("a therapist's number must be an Indonesian mobile", () => {
    expect(indonesianMobileSchema.parse("6281234567890")).toBe("+6281234567890");
    const error = indonesianMobileSchema.safeParse("+61 412 345 678", { error: errorMapFor("en") }).error;
    expect(error?.issues[0]?.message).toBe("Enter an Indonesian mobile number, for example 0812 3456 7890.");
  });

  it("stored numbers are E.164", () => {
    expect(e164Schema.safeParse("+6281234567890").success).toBe(true);
    expect(e164Schema.safeParse("081234567890").success).toBe(false);
  });
});

describe("display and links", () => {
  it("formats for reading", () => {
    expect(formatPhone("+6281234567890")).toBe("+62 812 3456 7890");
    expect(formatPhone("+6281234567890", "national")).toBe("0812-3456-7890");
    expect(formatPhone("not a number")).toBe("not a number");
  });

  it("builds wa.me links", () => {
    expect(whatsappLink("+6281234567890")).toBe("https://wa.me/6281234567890");
    expect(whatsappLink("+6281234567890", "Halo, saya mau pesan pijat")).toBe(
      "https://wa.me/6281234567890?text=Halo%2C%20saya%20mau%20pesan%20pijat",
    );
  });
});
