import { describe, expect, it } from "vitest";
import { pushSubscriptionInputSchema } from "./push";

const keys = { p256dh: "B".repeat(87), auth: "a".repeat(22) };

describe("pushSubscriptionInputSchema", () => {
  it.each([
    "https://fcm.googleapis.com/fcm/send/abc:def",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
    "https://web.push.apple.com/QGx3",
  ])("accepts a browser vendor's push service: %s", (endpoint) => {
    expect(pushSubscriptionInputSchema.safeParse({ endpoint, keys }).success).toBe(true);
  });

  // The server POSTs to the endpoint: it must not be pointed at this machine or its network.
  it.each([
    "http://fcm.googleapis.com/fcm/send/abc",
    "https://127.0.0.1:8080/v1/users",
    "https://10.0.0.5/admin",
    "https://[::1]/x",
    "https://localhost/x",
    "https://appwrite.internal/v1",
    "https://metadata/computeMetadata",
    "file:///etc/passwd",
  ])("refuses %s", (endpoint) => {
    expect(pushSubscriptionInputSchema.safeParse({ endpoint, keys }).success).toBe(false);
  });

  it("refuses keys of the wrong size, and defaults the language to English", () => {
    const endpoint = "https://fcm.googleapis.com/fcm/send/abc";
    expect(pushSubscriptionInputSchema.safeParse({ endpoint, keys: { ...keys, auth: "short" } }).success).toBe(false);
    expect(pushSubscriptionInputSchema.parse({ endpoint, keys }).locale).toBe("en");
  });
});
