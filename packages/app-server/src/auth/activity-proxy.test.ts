import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { renewActivityOnPageLoad } from "./activity-proxy";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { createStampSigner, sessionKeyOf } from "./session-lifetime";

const key = sessionKeyOf("secret");

const stamps = createStampSigner("server-secret");
const lifetime = SESSION_LIFETIMES.admin;
const signedIn = new Date("2026-03-01T08:00:00Z");

function pageLoad(cookie: string) {
  const request = new NextRequest("http://admin.test/bookings", { headers: { cookie } });
  const response = NextResponse.next();
  return { request, response };
}

describe("renewActivityOnPageLoad", () => {
  it("moves a live admin session's activity stamp and cookie expiry forward on a page load", () => {
    const stamp = stamps.sign({ sessionKey: key, createdAt: signedIn, lastSeenAt: new Date("2026-03-01T08:30:00Z") });
    const { request, response } = pageLoad(`adm=secret; adm_seen=${stamp}`);
    const now = new Date("2026-03-01T09:15:00Z");
    renewActivityOnPageLoad(request, response, { cookieName: "adm", lifetime, stamps, now });
    const renewed = stamps.verify(response.cookies.get("adm_seen")?.value);
    expect(renewed).toEqual({ sessionKey: key, createdAt: signedIn, lastSeenAt: now });
    expect(response.cookies.get("adm")?.value).toBe("secret");
    expect(response.cookies.get("adm")?.expires).toEqual(new Date("2026-03-01T10:15:00Z"));
  });

  it("renews nothing for an idle, forged or missing stamp", () => {
    const idle = stamps.sign({ sessionKey: key, createdAt: signedIn, lastSeenAt: signedIn });
    const forged = createStampSigner("guess").sign({ sessionKey: key, createdAt: signedIn, lastSeenAt: signedIn });
    const live = stamps.sign({ sessionKey: key, createdAt: signedIn, lastSeenAt: new Date("2026-03-01T09:00:00Z") });
    const cookies = [
      `adm=secret; adm_seen=${idle}`,
      `adm=secret; adm_seen=${forged}`,
      "adm=secret",
      `adm=another-secret; adm_seen=${live}`, // a stamp speaks only for its own session
    ];
    for (const cookie of cookies) {
      const { request, response } = pageLoad(cookie);
      const now = new Date("2026-03-01T09:30:00Z");
      renewActivityOnPageLoad(request, response, { cookieName: "adm", lifetime, stamps, now });
      expect(response.cookies.getAll()).toEqual([]);
    }
  });
});
