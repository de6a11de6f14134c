import "server-only";
import { consumeRateLimit } from "@tenang/booking-server/shared/rate-limit-repository";
import { bookingServer } from "@/server/app-server";
import { emptyGuestProfile, parseGuestProfile, type GuestProfile } from "./guest-profile";
import {
  createAnonymousGuestSession,
  findGuestSession,
  readGuestPrefs,
  type CreatedGuestSession,
} from "./guest-repository";

export interface StartedGuestSession {
  userId: string;
  profile: GuestProfile;
  /** Set when a new session was made: the route puts it in the cookie. */
  created: CreatedGuestSession | null;
}

/**
 * The guest behind `secret`, or a new anonymous guest when there is no valid session. Idempotent for a browser that
 * already has one, so every page that needs a guest may call it. New guests are limited per client IP (booking-core's
 * startGuestSession rule, Appwrite's own figure): the API key creates them, and Appwrite does not limit the key.
 */
export async function startGuestSession(secret: string | null, ip: string): Promise<StartedGuestSession> {
  const existing = secret ? await findGuestSession(secret) : null;
  if (secret && existing) {
    return { userId: existing.userId, profile: parseGuestProfile(await readGuestPrefs(secret)), created: null };
  }
  await consumeRateLimit(bookingServer(), "startGuestSession", ip);
  const created = await createAnonymousGuestSession();
  return { userId: created.userId, profile: emptyGuestProfile, created };
}
