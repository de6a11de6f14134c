import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const request = (headers: Record<string, string>) => new Request("http://app.test/", { headers });

describe("clientIp", () => {
  it("prefers the proxy's X-Real-IP, then the first X-Forwarded-For hop", () => {
    expect(clientIp(request({ "x-real-ip": "203.0.113.9", "x-forwarded-for": "198.51.100.1" }))).toBe("203.0.113.9");
    expect(clientIp(request({ "x-forwarded-for": " 198.51.100.1 , 10.0.0.2" }))).toBe("198.51.100.1");
  });

  it("says unknown when no proxy header is there (all such requests then share one bucket)", () => {
    expect(clientIp(request({}))).toBe("unknown");
    expect(clientIp(request({ "x-forwarded-for": "" }))).toBe("unknown");
  });
});
