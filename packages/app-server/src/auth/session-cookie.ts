import "server-only";
import { cookies } from "next/headers";
import type { NextRequest, NextResponse } from "next/server";

export interface SessionCookie {
  /** The session secret from the cookie, if there is one (pages and server components). */
  readSessionSecret(): Promise<string | null>;
  setSessionCookie(response: NextResponse, request: NextRequest, secret: string, expiresAt: Date): void;
  clearSessionCookie(response: NextResponse, request: NextRequest): void;
}

// Secure whenever the browser talks https to us (directly or through a proxy that says so); plain http only
// happens on a developer's machine, where a Secure cookie would not be sent back by every client.
function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/** The httpOnly session cookie under one name (each app its own, so one session never stands in for another). */
export function createSessionCookie(name: string): SessionCookie {
  return {
    async readSessionSecret() {
      const value = (await cookies()).get(name)?.value;
      return value ? value : null;
    },

    setSessionCookie(response, request, secret, expiresAt) {
      response.cookies.set({
        name,
        value: secret,
        httpOnly: true, // scripts never see the secret
        sameSite: "lax", // not sent on cross-site POSTs
        secure: isHttps(request),
        path: "/",
        expires: expiresAt,
      });
    },

    clearSessionCookie(response, request) {
      response.cookies.set({
        name,
        value: "",
        httpOnly: true,
        sameSite: "lax",
        secure: isHttps(request),
        path: "/",
        maxAge: 0,
      });
    },
  };
}
