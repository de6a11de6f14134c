import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";

// The Appwrite variables are app-server's appwriteServerSchema (tested there); this app adds the offer window.
describe("parseServerEnv", () => {
  it("reads the offer window in seconds, unset meaning booking-core's default", () => {
    expect(parseServerEnv({}).OFFER_WINDOW_SECONDS).toBeUndefined();
    expect(parseServerEnv({ OFFER_WINDOW_SECONDS: "" }).OFFER_WINDOW_SECONDS).toBeUndefined();
    expect(parseServerEnv({ OFFER_WINDOW_SECONDS: "6" }).OFFER_WINDOW_SECONDS).toBe(6);
    expect(() => parseServerEnv({ OFFER_WINDOW_SECONDS: "2" })).toThrow(/OFFER_WINDOW_SECONDS/);
    expect(() => parseServerEnv({ OFFER_WINDOW_SECONDS: "soon" })).toThrow(/OFFER_WINDOW_SECONDS/);
  });
});
