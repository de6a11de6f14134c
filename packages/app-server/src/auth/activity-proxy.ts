// Renews a session's cookies on page loads, from an app's proxy.ts (Next 16's middleware). Pages render as server
// components, which cannot set cookies, so without this an admin who only moves between pages would count as idle
// and be signed out after an hour of work. Only a stamp this server signed, still within its role's limits, is
// renewed; the signed-in check on the page (get-signed-in-user) still asks Appwrite and enforces the limits.
import type { NextRequest, NextResponse } from "next/server";
import { judgeSession, sessionKeyOf, type SessionLifetime, type StampSigner } from "./session-lifetime";

export interface ActivityRenewal {
  /** The app's session cookie; its activity stamp is `<name>_seen`. */
  cookieName: string;
  lifetime: SessionLifetime;
  stamps: StampSigner;
  now?: Date;
}

export function renewActivityOnPageLoad(request: NextRequest, response: NextResponse, options: ActivityRenewal): void {
  const { cookieName, lifetime, stamps } = options;
  const secret = request.cookies.get(cookieName)?.value;
  const stamp = stamps.verify(request.cookies.get(`${cookieName}_seen`)?.value);
  if (!secret || !stamp || stamp.sessionKey !== sessionKeyOf(secret)) return;
  const now = options.now ?? new Date();
  const verdict = judgeSession(lifetime, { createdAt: stamp.createdAt, lastSeenAt: stamp.lastSeenAt, now });
  if (verdict.expired) return;
  const secure = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure, expires: verdict.renewedUntil };
  response.cookies.set({ ...base, name: cookieName, value: secret });
  response.cookies.set({ ...base, name: `${cookieName}_seen`, value: stamps.sign({ ...stamp, lastSeenAt: now }) });
}
