import "server-only";
import { cookies } from "next/headers";
import type { NextRequest, NextResponse } from "next/server";

// The guest's anonymous Appwrite session secret. httpOnly: no script on the page (ours or an injected one) can read
// it; whoever holds it acts as the guest.
export const GUEST_COOKIE = "tenang_guest";

/** The secret from the cookie, for pages and server components. */
export async function readGuestSecret(): Promise<string | null> {
  return (await cookies()).get(GUEST_COOKIE)?.value || null;
}

/** The secret from a route handler's request. */
export function readGuestSecretFrom(request: NextRequest): string | null {
  return request.cookies.get(GUEST_COOKIE)?.value || null;
}

// Secure whenever the browser talks https to us (directly or through a proxy that says so); plain http happens only
// on a developer's machine and in the e2e run, where a Secure cookie would not come back from 127.0.0.1.
function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

export function setGuestCookie(response: NextResponse, request: NextRequest, secret: string, expiresAt: Date): void {
  response.cookies.set({
    name: GUEST_COOKIE,
    value: secret,
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(request),
    path: "/",
    expires: expiresAt,
  });
}
