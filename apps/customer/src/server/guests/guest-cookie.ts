import "server-only";
import { createSessionCookie } from "@tenang/app-server/auth/session-cookie";
import { createStampSigner } from "@tenang/app-server/auth/session-lifetime";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { cookies } from "next/headers";
import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/env";

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

// The guest cookie is a session cookie like the dashboards': the guest role's lifetime (app-server's
// SESSION_LIFETIMES.guest: a month without a visit ends it), with a signed activity stamp next to it, renewed on use.
// The stamp is signed with a key derived from the API key, the one secret this server already holds.
export const guestSessionStamps = createStampSigner(env.APPWRITE_API_KEY);
export const guestSessionCookie = createSessionCookie(GUEST_COOKIE, {
  lifetime: SESSION_LIFETIMES.guest,
  stamps: guestSessionStamps,
});

/** Sets the cookie of a new guest session (capped at the guest's idle limit, with its first activity stamp). */
export const setGuestCookie: (response: NextResponse, request: NextRequest, secret: string, expiresAt: Date) => void =
  guestSessionCookie.setSessionCookie;
