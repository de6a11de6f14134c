import "server-only";
import { AppwriteException } from "node-appwrite";
import { createAdminAccount } from "@/server/appwrite/admin-client";
import { createSessionClient } from "@/server/appwrite/session-client";

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

/** The guest a secret belongs to; null when the session expired, was deleted or never existed. */
export async function findGuestSession(secret: string): Promise<GuestSession | null> {
  try {
    const session = await createSessionClient(secret).account.getSession({ sessionId: "current" });
    return { userId: session.userId, sessionId: session.$id };
  } catch (error) {
    // 401: no such session. 404 cannot happen for "current" but means the same.
    if (isStatus(error, 401) || isStatus(error, 404)) return null;
    throw error;
  }
}

/** The guest's stored preferences (whatever shape; the caller parses them). */
export async function readGuestPrefs(secret: string): Promise<Record<string, unknown>> {
  return (await createSessionClient(secret).account.getPrefs()) as Record<string, unknown>;
}

/** Replaces the guest's preferences. Done as the guest, so Appwrite's own rules apply. */
export async function writeGuestPrefs(secret: string, prefs: Record<string, unknown>): Promise<void> {
  await createSessionClient(secret).account.updatePrefs({ prefs });
}
