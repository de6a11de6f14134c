import "server-only";
import type { BookingServerContext } from "../context";
import { consumeRateLimit } from "../shared/rate-limit-repository";
import { emptyGuestProfile, type GuestProfile } from "./guest-profile";
import { createAnonymousGuestSession, findGuestProfile, type CreatedGuestSession } from "./guest-repository";

export interface StartedGuestSession {
  userId: string;
  profile: GuestProfile;
  /** Set when a new session was made: the route puts it in the cookie. */
  created: CreatedGuestSession | null;
}

/**
 * The guest the browser already is (`existingUserId`, from a valid session the app checked), or a new anonymous
 * guest. Idempotent for a browser that already has one, so every page that needs a guest may call it. New guests are
 * limited per client IP (booking-core's startGuestSession rule, Appwrite's own figure): the API key creates them, and
 * Appwrite does not limit the key.
 */
export async function startGuestSession(
  ctx: BookingServerContext,
  args: { existingUserId: string | null; ip: string },
): Promise<StartedGuestSession> {
  if (args.existingUserId !== null) {
    return { userId: args.existingUserId, profile: await findGuestProfile(ctx, args.existingUserId), created: null };
  }
  await consumeRateLimit(ctx, "startGuestSession", args.ip);
  const created = await createAnonymousGuestSession(ctx);
  return { userId: created.userId, profile: emptyGuestProfile, created };
}
