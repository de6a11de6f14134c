import { describe, expect, it } from "vitest";
import { isLoopbackUrl, parsePublicEnv } from "./env";

describe("parsePublicEnv", () => {
  it("defaults to the server's endpoint and project", () => {
    expect(parsePublicEnv({ APPWRITE_ENDPOINT: "https://cloud.appwrite.io/v1", APPWRITE_PROJECT_ID: "p1" })).toEqual({
      NEXT_PUBLIC_APPWRITE_ENDPOINT: "https://cloud.appwrite.io/v1",
      NEXT_PUBLIC_APPWRITE_PROJECT_ID: "p1",
    });
  });

  it("prefers explicit public values, and falls back to the local defaults", () => {
    expect(
      parsePublicEnv({
        APPWRITE_ENDPOINT: "http://appwrite:80/v1",
        NEXT_PUBLIC_APPWRITE_ENDPOINT: "https://aw.example.com/v1",
      }).NEXT_PUBLIC_APPWRITE_ENDPOINT,
    ).toBe("https://aw.example.com/v1");
    expect(parsePublicEnv({})).toEqual({
      NEXT_PUBLIC_APPWRITE_ENDPOINT: "http://127.0.0.1:8080/v1",
      NEXT_PUBLIC_APPWRITE_PROJECT_ID: "tenang",
    });
  });
});

describe("isLoopbackUrl", () => {
  it.each([
    ["http://127.0.0.1:8080/v1", true],
    ["http://localhost/v1", true],
    ["http://app.localhost/v1", true],
    ["http://[::1]/v1", true],
    ["http://127.0.0.1.evil.com/v1", false],
    ["http://localhost.evil.com/v1", false],
    ["https://cloud.appwrite.io/v1", false],
    ["not a url", false],
  ])("%s → %s", (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});
