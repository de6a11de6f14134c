import { describe, expect, it } from "vitest";
import { loginInputSchema } from "./login-input";

describe("loginInputSchema", () => {
  it("normalises the email", () => {
    expect(loginInputSchema.parse({ email: "  Sari@Tenang.ID ", password: "x" })).toEqual({
      email: "sari@tenang.id",
      password: "x",
    });
  });

  it.each([
    [{ email: "not-an-email", password: "x" }, "email"],
    [{ email: "a@b.co", password: "" }, "password"],
    [{ email: "a@b.co" }, "password"],
  ])("rejects %o at %s", (value, field) => {
    const result = loginInputSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
