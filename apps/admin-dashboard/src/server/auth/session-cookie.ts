import "server-only";
import { cookies } from "next/headers";
import type { NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "./auth-config";

/** The session secret from the cookie, if there is one (pages and server components). */
export async function readSessionSecret(): Promise<string | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  return value ? value : null;
}

// Secure whenever the browser talks https to us (directly or through a proxy that says so); plain http only
// happens on a developer's machine, where a Secure cookie would not be sent back by every client.
function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

export function setSessionCookie(response: NextResponse, request: NextRequest, secret: string, expiresAt: Date): void {
  response.cookies.set({
    name: SESSION_COOKIE,
    value: secret,
    httpOnly: true, // scripts never see the secret
    sameSite: "lax", // not sent on cross-site POSTs
    secure: isHttps(request),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(response: NextResponse, request: NextRequest): void {
  response.cookies.set({
    name: SESSION_COOKIE,
    value: "",
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(request),
    path: "/",
    maxAge: 0,
  });
}
