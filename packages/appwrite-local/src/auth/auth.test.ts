import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.ts";
import { decodeSessionSecret, encodeSessionSecret, hashToken } from "./session-secret.ts";
import { signJwt, verifyJwt, JwtError } from "./jwt.ts";
import { parseCookies, serializeCookie } from "./cookies.ts";
import { rolesForUser } from "./roles.ts";

describe("passwords", () => {
  it("hashes with a random salt and verifies only the right password", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", a)).toBe(true);
    expect(await verifyPassword("wrong horse", a)).toBe(false);
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });
});

describe("session secrets", () => {
  it("are base64(JSON{id,secret}) exactly", () => {
    const encoded = encodeSessionSecret("user1", "tok");
    expect(Buffer.from(encoded, "base64").toString()).toBe('{"id":"user1","secret":"tok"}');
    expect(decodeSessionSecret(encoded)).toEqual({ userId: "user1", token: "tok" });
    expect(decodeSessionSecret("not base64 json")).toBeNull();
    expect(decodeSessionSecret(Buffer.from('{"id":"u"}').toString("base64"))).toBeNull();
    expect(hashToken("tok")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("JWT", () => {
  it("round-trips claims and rejects tampering and expiry", () => {
    const jwt = signJwt({ userId: "u", sessionId: "s" }, "key", 60, 1_000_000);
    expect(verifyJwt(jwt, "key", 1_000_000)).toMatchObject({ userId: "u", sessionId: "s", exp: 1060 });
    expect(() => verifyJwt(jwt, "other-key", 1_000_000)).toThrow(JwtError);
    expect(() => verifyJwt(jwt, "key", 1_061_000)).toThrow(/Expired/);
    const [h, , sig] = jwt.split(".");
    const forged = Buffer.from(JSON.stringify({ userId: "admin", sessionId: "s", exp: 9e9 })).toString("base64url");
    expect(() => verifyJwt(`${h}.${forged}.${sig}`, "key", 1_000_000)).toThrow(/Signature/);
    expect(() => verifyJwt("a.b", "key")).toThrow(JwtError);
  });
});

describe("cookies", () => {
  it("parses URL-encoded values and keeps the first of duplicates", () => {
    expect(parseCookies("a=1; b=x%3D%3D; a=2")).toEqual({ a: "1", b: "x==" });
    expect(parseCookies(undefined)).toEqual({});
  });

  it("serializes httpOnly cookies with optional SameSite", () => {
    const expires = new Date("2030-01-01T00:00:00Z");
    expect(serializeCookie("s", "a=b", { expires, secure: false, sameSite: "None" })).toBe(
      "s=a%3Db; expires=Tue, 01 Jan 2030 00:00:00 GMT; path=/; httponly; samesite=None",
    );
    expect(serializeCookie("s", "v", { expires, secure: true })).toBe(
      "s=v; expires=Tue, 01 Jan 2030 00:00:00 GMT; path=/; secure; httponly",
    );
  });
});

describe("roles", () => {
  it("follows Appwrite's User::getRoles", () => {
    expect(rolesForUser({ id: "u1", labels: ["vip"], emailVerification: false, phoneVerification: false })).toEqual([
      "any",
      "users",
      "user:u1",
      "users/unverified",
      "user:u1/unverified",
      "label:vip",
    ]);
    expect(rolesForUser({ id: "u1", labels: [], emailVerification: false, phoneVerification: true })).toContain(
      "users/verified",
    );
  });
});
