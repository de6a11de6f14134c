import { describe, expect, it } from "vitest";
import { bankDetailsInputSchema } from "./bank-details";

describe("bankDetailsInputSchema", () => {
  it("keeps the digits of an account number typed with spaces or dashes", () => {
    expect(
      bankDetailsInputSchema.parse({ bankName: " BCA ", accountName: "Wayan", accountNumber: "123-456 7890" }),
    ).toEqual({ bankName: "BCA", accountName: "Wayan", accountNumber: "1234567890" });
  });

  it("refuses a number with letters, or too short", () => {
    expect(
      bankDetailsInputSchema.safeParse({ bankName: "BCA", accountName: "Wayan", accountNumber: "12a456" }).success,
    ).toBe(false);
    expect(
      bankDetailsInputSchema.safeParse({ bankName: "BCA", accountName: "Wayan", accountNumber: "12345" }).success,
    ).toBe(false);
  });
});
