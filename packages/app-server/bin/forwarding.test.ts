// Finding 4 (issue 9): the client's address comes from the socket, and X-Forwarded-For only counts as far as the
// operator's own proxies wrote it. The end-to-end proof (under the real start path) is apps/customer/e2e.
import { describe, expect, it } from "vitest";
import {
  badPathBody,
  clientAddress,
  hasMalformedPath,
  parseTrustedProxyHops,
  rewriteForwardingHeaders,
} from "./forwarding.mjs";

describe("clientAddress", () => {
  it("is the socket's address when no proxy is trusted, whatever the client claims", () => {
    expect(clientAddress({ socketAddress: "203.0.113.7", forwardedFor: "198.51.100.1", hops: 0 })).toBe("203.0.113.7");
    expect(clientAddress({ socketAddress: "::ffff:127.0.0.1", forwardedFor: undefined, hops: 0 })).toBe("127.0.0.1");
  });

  it("is the Nth X-Forwarded-For entry from the right with N trusted proxies; entries further left are ignored", () => {
    const spoofed = "6.6.6.6, 198.51.100.23";
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: spoofed, hops: 1 })).toBe("198.51.100.23");
    const twoProxies = "6.6.6.6, 198.51.100.23, 10.0.0.1";
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: twoProxies, hops: 2 })).toBe("198.51.100.23");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: ["1.1.1.1", "198.51.100.9"], hops: 1 })).toBe(
      "198.51.100.9",
    );
  });

  it("falls back to the socket when a trusted proxy sent no header, and to the leftmost entry when it sent too few", () => {
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, hops: 1 })).toBe("10.0.0.2");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "198.51.100.5", hops: 3 })).toBe("198.51.100.5");
  });
});

describe("rewriteForwardingHeaders", () => {
  it("drops every proxy header a client sent when no proxy is trusted, and names the socket instead", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "1.2.3.4",
      "x-real-ip": "5.6.7.8",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=9.9.9.9",
      host: "app.test",
    };
    rewriteForwardingHeaders(headers, "203.0.113.7", 0);
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.7", host: "app.test" });
  });

  it("keeps a trusted proxy's host and scheme, and narrows X-Forwarded-For to the client", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "6.6.6.6, 198.51.100.23",
      "x-real-ip": "6.6.6.6",
      "x-forwarded-proto": "https",
    };
    rewriteForwardingHeaders(headers, "10.0.0.2", 1);
    expect(headers).toEqual({
      "x-forwarded-for": "198.51.100.23",
      "x-real-ip": "198.51.100.23",
      "x-forwarded-proto": "https",
    });
  });
});

describe("parseTrustedProxyHops", () => {
  it("defaults to 0 and refuses anything but a small whole number", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops(" ")).toBe(0);
    expect(parseTrustedProxyHops("2")).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "100"])
      expect(() => parseTrustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("hasMalformedPath", () => {
  it.each(["/bookings/%zz", "/api/bookings/%E0%A4%A", "/api/x/%", "/%C0"])("flags %s", (url) => {
    expect(hasMalformedPath(url)).toBe(true);
  });

  it.each(["/", "/bookings/abc", "/api/x/%20y", "/search?q=%zz", "/%E0%A4%A4"])("lets %s through", (url) => {
    expect(hasMalformedPath(url)).toBe(false);
  });

  it("words the refusal in the caller's language", () => {
    expect(JSON.parse(badPathBody("id-ID,id;q=0.9"))).toEqual({
      error: { code: "bad_request", message: "Permintaan tidak dapat dibaca." },
    });
    expect(JSON.parse(badPathBody(undefined)).error.message).toBe("The request could not be read.");
  });
});
