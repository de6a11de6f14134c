import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import type { NextRequest } from "next/server";
import { cache } from "react";
import { readGuestSecret, readGuestSecretFrom } from "./guest-cookie";
import { findGuestSession, type GuestSession } from "./guest-repository";

export interface Guest extends GuestSession {
  secret: string;
}

/**
 * The guest of this page request, if their browser holds a valid session; null otherwise (never creates one: a page
 * render cannot set cookies). Cached per request so the layout and the page share one Appwrite call.
 */
export const getGuest = cache(async (): Promise<Guest | null> => {
  const secret = await readGuestSecret();
  if (!secret) return null;
  const session = await findGuestSession(secret);
  return session ? { ...session, secret } : null;
});

/** For route handlers: the calling guest, or 401 (the page then starts a session with POST /api/session). */
export async function requireGuest(request: NextRequest): Promise<Guest> {
  const secret = readGuestSecretFrom(request);
  const session = secret ? await findGuestSession(secret) : null;
  if (!secret || !session) throw new DomainError("unauthorized", "no guest session");
  return { ...session, secret };
}
