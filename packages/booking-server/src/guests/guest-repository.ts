import "server-only";
// Guests are anonymous Appwrite users: this file creates them (with a session whose secret goes into the customer
// app's cookie), ends their sessions, and keeps their profile in their user preferences. Looking a session up by its
// secret is the customer app's sign-in check (it needs the secret's own client), not a read of ours.
import type { BookingServerContext } from "../context";
import { emptyGuestProfile, parseGuestProfile, toGuestPrefs, type GuestProfile } from "./guest-profile";

export interface CreatedGuestSession {
  /** The Appwrite user id: the booking's customerId. */
  userId: string;
  sessionId: string;
  /** Only known at creation; it goes into the httpOnly cookie and nowhere else. */
  secret: string;
  expiresAt: Date;
}

/** A new anonymous user and session. With the API key, Appwrite returns the session secret. */
export async function createAnonymousGuestSession(ctx: BookingServerContext): Promise<CreatedGuestSession> {
  const session = await ctx.account.createAnonymousSession();
  return {
    userId: session.userId,
    sessionId: session.$id,
    secret: session.secret,
    expiresAt: new Date(session.expire),
  };
}

/** Ends one of a guest's sessions (gone unused past the guest's idle limit). */
export async function deleteGuestSession(ctx: BookingServerContext, userId: string, sessionId: string): Promise<void> {
  await ctx.users.deleteSession({ userId, sessionId });
}

/** What the booking form prefills for this guest (nothing for a first visit). */
export async function findGuestProfile(ctx: BookingServerContext, userId: string | null): Promise<GuestProfile> {
  if (userId === null) return emptyGuestProfile;
  return parseGuestProfile(await ctx.users.getPrefs({ userId }));
}

/** Replaces the guest's preferences with this profile (the profile is all a guest's preferences hold). */
export async function saveGuestProfile(
  ctx: BookingServerContext,
  userId: string,
  profile: GuestProfile,
): Promise<void> {
  await ctx.users.updatePrefs({ userId, prefs: toGuestPrefs(profile) });
}
