import "server-only";
import { cookies, headers } from "next/headers";
import type { NextRequest, NextResponse } from "next/server";
import { sessionKeyOf, type SessionLifetime, type StampSigner } from "./session-lifetime";

export interface SessionCookie {
  /** The session secret from the cookie, if there is one (pages and server components). */
  readSessionSecret(): Promise<string | null>;
  setSessionCookie(response: NextResponse, request: NextRequest, secret: string, expiresAt: Date): void;
  clearSessionCookie(response: NextResponse, request: NextRequest): void;
  /** The activity stamp next to the session cookie (see session-lifetime), if there is one. */
  readActivityStamp(): Promise<string | null>;
  /**
   * Renews both cookies until `expiresAt` with a fresh stamp. Only where Next lets the server set cookies (route
   * handlers, server actions); a page render throws, and the caller lets the next API call renew them instead.
   */
  renewSessionCookies(secret: string, stamp: string, expiresAt: Date): Promise<void>;
  /** Forgets both cookies (same rule as renewSessionCookies). */
  clearSessionCookies(): Promise<void>;
}

// Secure whenever the browser talks https to us (directly or through a proxy that says so); plain http only
// happens on a developer's machine, where a Secure cookie would not be sent back by every client.
function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

async function isHttpsNow(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}

/** The httpOnly session cookie under one name (each app its own, so one session never stands in for another). */
export function createSessionCookie(
  name: string,
  options: { lifetime?: SessionLifetime; stamps?: StampSigner } = {},
): SessionCookie {
  const { lifetime, stamps } = options;
  const stampName = `${name}_seen`;
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/" };
  return {
    async readActivityStamp() {
      return (await cookies()).get(stampName)?.value || null;
    },

    async renewSessionCookies(secret, stamp, expiresAt) {
      const jar = await cookies();
      const secure = await isHttpsNow();
      jar.set({ ...base, name, value: secret, secure, expires: expiresAt });
      jar.set({ ...base, name: stampName, value: stamp, secure, expires: expiresAt });
    },

    async clearSessionCookies() {
      const jar = await cookies();
      const secure = await isHttpsNow();
      jar.set({ ...base, name, value: "", secure, maxAge: 0 });
      jar.set({ ...base, name: stampName, value: "", secure, maxAge: 0 });
    },

    async readSessionSecret() {
      const value = (await cookies()).get(name)?.value;
      return value ? value : null;
    },

    setSessionCookie(response, request, secret, expiresAt) {
      // A fresh sign-in lives until its first idle limit (renewed on use), never a year on Appwrite's word.
      const expires = lifetime
        ? new Date(Math.min(expiresAt.getTime(), Date.now() + Math.min(lifetime.idleMs, lifetime.absoluteMs)))
        : expiresAt;
      // httpOnly: scripts never see the secret; lax: not sent on cross-site POSTs.
      const cookie = { ...base, secure: isHttps(request), expires };
      response.cookies.set({ ...cookie, name, value: secret });
      if (stamps) {
        const now = new Date();
        const stamp = stamps.sign({ sessionKey: sessionKeyOf(secret), createdAt: now, lastSeenAt: now });
        response.cookies.set({ ...cookie, name: stampName, value: stamp });
      }
    },

    clearSessionCookie(response, request) {
      for (const cookieName of [name, stampName]) {
        response.cookies.set({ ...base, name: cookieName, value: "", secure: isHttps(request), maxAge: 0 });
      }
    },
  };
}
