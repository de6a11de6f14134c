import "server-only";
// The customer site's caller check: a guest is an anonymous Appwrite session whose secret sits in an httpOnly cookie,
// under the guest role's session lifetime (a month without a visit ends it), with a signed activity stamp next to it.
// Everything else about guests (creating them, their profile) is booking-server's guests/.
import { DomainError } from "@tenang/booking-core/errors";
import type { BookingServerContext } from "@tenang/booking-server/context";
import { deleteGuestSession } from "@tenang/booking-server/guests/guest-repository";
import {
  startGuestSession as startGuest,
  type StartedGuestSession,
} from "@tenang/booking-server/guests/start-guest-session";
import { AppwriteException } from "node-appwrite";
import type { NextRequest } from "next/server";
import { cache } from "react";
import type { SessionServices } from "../appwrite/session-client";
import { enforceSessionLifetime } from "./enforce-session-lifetime";
import { createSessionCookie, type SessionCookie } from "./session-cookie";
import { createStampSigner, type SessionLifetime } from "./session-lifetime";

export interface GuestAuthConfig {
  /** The cookie holding the guest's anonymous session secret. */
  cookie: string;
  /** The guest role's session limits (booking-core's SESSION_LIFETIMES.guest). */
  lifetime: SessionLifetime;
}

export interface GuestSession {
  /** The Appwrite user id: the booking's customerId. */
  userId: string;
  sessionId: string;
}

export interface Guest extends GuestSession {
  secret: string;
}

export interface GuestAuth {
  /** The guest cookie (setSessionCookie puts a new guest's secret in it, capped at the idle limit, with its stamp). */
  guestCookie: SessionCookie;
  /** The secret from a route handler's request. */
  readGuestSecretFrom(request: NextRequest): string | null;
  /**
   * The guest a secret belongs to; null when the session expired, was deleted or never existed, is not anonymous, or
   * has gone unused past the guest's idle limit (then it is deleted too: every way in to a guest passes this check).
   */
  findGuestSession(secret: string): Promise<GuestSession | null>;
  /**
   * The guest of this page request, if their browser holds a valid session; null otherwise (never creates one: a page
   * render cannot set cookies). Cached per request so the layout and the page share one Appwrite call.
   */
  getGuest(): Promise<Guest | null>;
  /** For route handlers: the calling guest, or 401 (the page then starts a session with POST /api/session). */
  requireGuest(request: NextRequest): Promise<Guest>;
  /**
   * The guest behind `secret`, or a new anonymous guest when there is no valid session (booking-server's
   * startGuestSession, which also limits new guests per client IP).
   */
  startGuestSession(secret: string | null, ip: string): Promise<StartedGuestSession>;
}

export interface GuestAuthDeps {
  bookingServer: () => BookingServerContext;
  session: (secret: string) => SessionServices;
  /** The activity stamp is signed with a key derived from this: the one secret the server already holds (API key). */
  stampSecret: string;
}

const isStatus = (error: unknown, status: number) => error instanceof AppwriteException && error.code === status;

export function createGuestAuth(config: GuestAuthConfig, deps: GuestAuthDeps): GuestAuth {
  const stamps = createStampSigner(deps.stampSecret);
  // httpOnly: no script on the page (ours or an injected one) can read it; whoever holds it acts as the guest.
  const guestCookie = createSessionCookie(config.cookie, { lifetime: config.lifetime, stamps });
  const readGuestSecretFrom = (request: NextRequest) => request.cookies.get(config.cookie)?.value || null;

  async function findGuestSession(secret: string): Promise<GuestSession | null> {
    let session: { userId: string; $id: string; $createdAt: string; provider: string };
    try {
      session = await deps.session(secret).account.getSession({ sessionId: "current" });
    } catch (error) {
      // 401: no such session. 404 cannot happen for "current" but means the same.
      if (isStatus(error, 401) || isStatus(error, 404)) return null;
      throw error;
    }
    // Only an anonymous session is a guest: a therapist's or an admin's session secret put in this cookie must not
    // book or mint realtime tokens as a customer of the same user (issue 9, "another app's cookie").
    if (session.provider !== "anonymous") return null;
    const alive = await enforceSessionLifetime(
      secret,
      { id: session.$id, userId: session.userId, createdAt: new Date(session.$createdAt) },
      {
        lifetime: config.lifetime,
        stamps,
        cookies: guestCookie,
        deleteSession: (userId, sessionId) => deleteGuestSession(deps.bookingServer(), userId, sessionId),
        now: new Date(),
      },
    );
    return alive ? { userId: session.userId, sessionId: session.$id } : null;
  }

  return {
    guestCookie,
    readGuestSecretFrom,
    findGuestSession,
    getGuest: cache(async (): Promise<Guest | null> => {
      const secret = await guestCookie.readSessionSecret();
      if (!secret) return null;
      const session = await findGuestSession(secret);
      return session ? { ...session, secret } : null;
    }),
    async requireGuest(request) {
      const secret = readGuestSecretFrom(request);
      const session = secret ? await findGuestSession(secret) : null;
      if (!secret || !session) throw new DomainError("unauthorized", "no guest session");
      return { ...session, secret };
    },
    async startGuestSession(secret, ip) {
      const existing = secret ? await findGuestSession(secret) : null;
      return startGuest(deps.bookingServer(), { existingUserId: existing?.userId ?? null, ip });
    },
  };
}
