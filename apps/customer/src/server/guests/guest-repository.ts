import "server-only";
import { enforceSessionLifetime } from "@tenang/app-server/auth/enforce-session-lifetime";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { deleteGuestSession } from "@tenang/booking-server/guests/guest-repository";
import { AppwriteException } from "node-appwrite";
import { createSessionClient } from "@/server/appwrite/session-client";
import { bookingServer } from "@/server/bookings/booking-server-context";
import { guestSessionCookie, guestSessionStamps } from "./guest-cookie";

// The guest's sign-in check: the one read that needs the session secret's own client, so it stays with the cookie.
// Everything else about guests (creating them, their profile) is booking-server's guests/.

export interface GuestSession {
  /** The Appwrite user id: the booking's customerId. */
  userId: string;
  sessionId: string;
}

const isStatus = (error: unknown, status: number) => error instanceof AppwriteException && error.code === status;

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
      deleteSession: (userId, sessionId) => deleteGuestSession(bookingServer(), userId, sessionId),
      now: new Date(),
    },
  );
  return alive ? { userId: session.userId, sessionId: session.$id } : null;
}
