import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const request = (headers: Record<string, string>) => new Request("http://app.test/", { headers });

describe("clientIp", () => {
  it("reads the address the production server (bin/serve.mjs) or the platform's edge put in X-Forwarded-For", () => {
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
  });

  // Finding 4 (issue 9): X-Real-IP and the left of X-Forwarded-For are whatever the client wrote.
  it("never prefers X-Real-IP, and takes the entry nearest to us, not the one the client wrote first", () => {
    expect(clientIp(request({ "x-real-ip": "6.6.6.6", "x-forwarded-for": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientIp(request({ "x-forwarded-for": " 6.6.6.6 , 198.51.100.1" }))).toBe("198.51.100.1");
  });

  it("says unknown when there is no address at all", () => {
    expect(clientIp(request({}))).toBe("unknown");
    expect(clientIp(request({ "x-forwarded-for": "" }))).toBe("unknown");
  });
});
