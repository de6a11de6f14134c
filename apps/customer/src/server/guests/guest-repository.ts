import "server-only";
import { enforceSessionLifetime } from "@tenang/app-server/auth/enforce-session-lifetime";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { AppwriteException } from "node-appwrite";
import {
  adminAccount as createAdminAccount,
  bookingServer,
  sessionClient as createSessionClient,
} from "@/server/app-server";
import { guestSessionCookie, guestSessionStamps } from "./guest-cookie";

const createAdminUsers = () => bookingServer().users;

// The only file that talks to Appwrite's Account service for guests. Appwrite models become these plain objects.

export interface GuestSession {
  /** The Appwrite user id: the booking's customerId. */
  userId: string;
  sessionId: string;
}

export interface CreatedGuestSession extends GuestSession {
  /** Only known at creation; it goes into the httpOnly cookie and nowhere else. */
  secret: string;
  expiresAt: Date;
}

const isStatus = (error: unknown, status: number) => error instanceof AppwriteException && error.code === status;

/** A new anonymous user and session. With the API key, Appwrite returns the session secret. */
export async function createAnonymousGuestSession(): Promise<CreatedGuestSession> {
  const session = await createAdminAccount().createAnonymousSession();
  return {
    userId: session.userId,
    sessionId: session.$id,
    secret: session.secret,
    expiresAt: new Date(session.expire),
  };
}

/**
 * The guest a secret belongs to; null when the session expired, was deleted or never existed, or has gone unused
 * past the guest's idle limit (then it is deleted here too: every way in to a guest passes this check).
 */
export async function findGuestSession(secret: string): Promise<GuestSession | null> {
  let session: { userId: string; $id: string; $createdAt: string; provider: string };
  try {
    session = await createSessionClient(secret).account.getSession({ sessionId: "current" });
  } catch (error) {
    // 401: no such session. 404 cannot happen for "current" but means the same.
    if (isStatus(error, 401) || isStatus(error, 404)) return null;
    throw error;
  }
  // Only an anonymous session is a guest: a therapist's or an admin's session secret put in this cookie must not book
  // or mint realtime tokens as a customer of the same user (issue 9, "another app's cookie").
  if (session.provider !== "anonymous") return null;
  const alive = await enforceSessionLifetime(
    secret,
    { id: session.$id, userId: session.userId, createdAt: new Date(session.$createdAt) },
    {
      lifetime: SESSION_LIFETIMES.guest,
      stamps: guestSessionStamps,
      cookies: guestSessionCookie,
      deleteSession: async (userId, sessionId) => {
        await createAdminUsers().deleteSession({ userId, sessionId });
      },
      now: new Date(),
    },
  );
  return alive ? { userId: session.userId, sessionId: session.$id } : null;
}

/** The guest's stored preferences (whatever shape; the caller parses them). */
export async function readGuestPrefs(secret: string): Promise<Record<string, unknown>> {
  return (await createSessionClient(secret).account.getPrefs()) as Record<string, unknown>;
}

/** Replaces the guest's preferences. Done as the guest, so Appwrite's own rules apply. */
export async function writeGuestPrefs(secret: string, prefs: Record<string, unknown>): Promise<void> {
  await createSessionClient(secret).account.updatePrefs({ prefs });
}
