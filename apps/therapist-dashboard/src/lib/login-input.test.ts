import { describe, expect, it } from "vitest";
import { loginInputSchema } from "./login-input";

describe("loginInputSchema", () => {
  it("normalises an email", () => {
    expect(loginInputSchema.parse({ login: "  Sari@Tenang.ID ", password: "x" })).toEqual({
      kind: "email",
      email: "sari@tenang.id",
      password: "x",
    });
  });

  it.each(["0812 3456 0000", "+62 812-3456-0000", "62812.3456.0000", "812 3456 0000"])(
    "reads the WhatsApp number %s as E.164",
    (login) => {
      expect(loginInputSchema.parse({ login, password: "x" })).toEqual({
        kind: "phone",
        phone: "+6281234560000",
        password: "x",
      });
    },
  );

  it.each([
    [{ login: "not-an-email@", password: "x" }, "login"],
    [{ login: "12345", password: "x" }, "login"],
    [{ login: "0361 123456", password: "x" }, "login"], // a Denpasar landline has no WhatsApp
    [{ login: "a@b.co", password: "" }, "password"],
    [{ login: "a@b.co" }, "password"],
    [{ password: "x" }, "login"],
  ])("rejects %o at %s", (value, field) => {
    const result = loginInputSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
