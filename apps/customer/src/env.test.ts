import { describe, expect, it } from "vitest";
import { LOCAL_DEV_API_KEY, parseServerEnv } from "./env";

describe("parseServerEnv", () => {
  it("works with nothing set: the local appwrite-local defaults", () => {
    expect(parseServerEnv({})).toEqual({
      APPWRITE_ENDPOINT: "http://127.0.0.1:8080/v1",
      APPWRITE_PROJECT_ID: "tenang",
      APPWRITE_API_KEY: LOCAL_DEV_API_KEY,
      APPWRITE_DATABASE_ID: "tenang",
      APPWRITE_TIMEOUT_MS: 8000,
      OFFER_WINDOW_SECONDS: 60,
    });
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
    const parse = () => parseServerEnv({ APPWRITE_ENDPOINT: "https://sgp.cloud.appwrite.io/v1" });
    expect(parse).toThrow(
      /APPWRITE_API_KEY: is required because APPWRITE_ENDPOINT \(https:\/\/sgp\.cloud\.appwrite\.io\/v1\) is not this machine/,
    );
  });

  it("reads the offer window, and refuses nonsense", () => {
    expect(parseServerEnv({ OFFER_WINDOW_SECONDS: "4" }).OFFER_WINDOW_SECONDS).toBe(4);
    expect(parseServerEnv({ OFFER_WINDOW_SECONDS: "" }).OFFER_WINDOW_SECONDS).toBe(60);
    expect(() => parseServerEnv({ OFFER_WINDOW_SECONDS: "0" })).toThrow(/OFFER_WINDOW_SECONDS/);
    expect(() => parseServerEnv({ OFFER_WINDOW_SECONDS: "soon" })).toThrow(/OFFER_WINDOW_SECONDS/);
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
