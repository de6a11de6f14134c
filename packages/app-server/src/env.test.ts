import { describe, expect, it } from "vitest";
import { appwriteServerSchema, isLoopbackUrl, LOCAL_DEV_API_KEY, parseEnv, parsePublicEnv, type RawEnv } from "./env";

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

describe("appwriteServerSchema", () => {
  // What every app's parseServerEnv does with the Appwrite variables (apps add their own on top).
  const parseServerEnv = (raw: RawEnv) => parseEnv(appwriteServerSchema({}), raw);

  it("works with nothing set: the local appwrite-local defaults", () => {
    expect(parseServerEnv({})).toEqual({
      APPWRITE_ENDPOINT: "http://127.0.0.1:8080/v1",
      APPWRITE_PROJECT_ID: "tenang",
      APPWRITE_API_KEY: LOCAL_DEV_API_KEY,
      APPWRITE_DATABASE_ID: "tenang",
      APPWRITE_TIMEOUT_MS: 8000,
    });
  });

  it("reads the Appwrite call deadline, and refuses one that is no deadline at all", () => {
    expect(parseServerEnv({ APPWRITE_TIMEOUT_MS: "2500" }).APPWRITE_TIMEOUT_MS).toBe(2500);
    expect(() => parseServerEnv({ APPWRITE_TIMEOUT_MS: "0" })).toThrow(/APPWRITE_TIMEOUT_MS/);
  });

  it("treats blank values as unset", () => {
    expect(parseServerEnv({ APPWRITE_ENDPOINT: "", APPWRITE_API_KEY: "  " }).APPWRITE_API_KEY).toBe(LOCAL_DEV_API_KEY);
  });

  it("fills in the local key for any loopback endpoint", () => {
    for (const endpoint of ["http://localhost:9000/v1", "http://127.0.0.5/v1", "http://[::1]:8080/v1"]) {
      expect(parseServerEnv({ APPWRITE_ENDPOINT: endpoint }).APPWRITE_API_KEY).toBe(LOCAL_DEV_API_KEY);
    }
  });

  it("requires a key for a remote endpoint, saying why", () => {
    expect(() => parseServerEnv({ APPWRITE_ENDPOINT: "https://sgp.cloud.appwrite.io/v1" })).toThrow(
      /APPWRITE_API_KEY: is required because APPWRITE_ENDPOINT \(https:\/\/sgp\.cloud\.appwrite\.io\/v1\) is not this machine/,
    );
  });

  it("keeps a given key and strips a trailing slash from the endpoint", () => {
    const env = parseServerEnv({
      APPWRITE_ENDPOINT: "https://cloud.appwrite.io/v1/",
      APPWRITE_API_KEY: "standard_abc",
    });
    expect(env.APPWRITE_ENDPOINT).toBe("https://cloud.appwrite.io/v1");
    expect(env.APPWRITE_API_KEY).toBe("standard_abc");
  });

  it("rejects an endpoint that is not an http(s) URL", () => {
    expect(() => parseServerEnv({ APPWRITE_ENDPOINT: "cloud.appwrite.io" })).toThrow(
      /APPWRITE_ENDPOINT: must be an http\(s\) URL/,
    );
    expect(() => parseServerEnv({ APPWRITE_ENDPOINT: "ftp://x/v1" })).toThrow(/APPWRITE_ENDPOINT/);
  });
});
