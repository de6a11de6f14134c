import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createRouteHandling } from "./handle-route";
import { createLocaleRoute } from "./locale-route";

const POST = createLocaleRoute(createRouteHandling(), { name: "tenang_locale", maxAge: 60 });

function formPost(fields: Record<string, string>, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest("http://shop.test/api/locale", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { host: "shop.test", "content-type": "application/x-www-form-urlencoded", ...headers },
  });
}

describe("createLocaleRoute", () => {
  it("sets the cookie and sends a form post back to the page it came from", async () => {
    const response = await POST(formPost({ locale: "id" }, { referer: "http://shop.test/bookings?x=1" }), {});
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/bookings?x=1");
    expect(response.headers.get("set-cookie")).toMatch(/^tenang_locale=id;.*Max-Age=60/);
  });

  it.each([
    ["another site's Referer", { locale: "en" }, { referer: "http://evil.test/x" }],
    ["a protocol-relative returnTo", { locale: "en", returnTo: "//evil.test/x" }, {}],
  ])("never redirects off the site (%s)", async (_name, fields, headers) => {
    const response = await POST(formPost(fields, headers), {});
    expect(response.headers.get("location")).toBe("/");
  });

  it("answers JSON with the locale, and refuses a language it does not know", async () => {
    const json = (body: unknown) =>
      new NextRequest("http://shop.test/api/locale", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { host: "shop.test", "content-type": "application/json" },
      });
    const ok = await POST(json({ locale: "en" }), {});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ locale: "en" });
    const refused = await POST(json({ locale: "fr" }), {});
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
  });
});
