import "server-only";
import {
  startGuestSession as startGuest,
  type StartedGuestSession,
} from "@tenang/booking-server/guests/start-guest-session";
import { bookingServer } from "@/server/bookings/booking-server-context";
import { findGuestSession } from "./guest-repository";

/**
 * The guest behind `secret`, or a new anonymous guest when there is no valid session (booking-server's
 * startGuestSession, which also limits new guests per client IP).
 */
export async function startGuestSession(secret: string | null, ip: string): Promise<StartedGuestSession> {
  const existing = secret ? await findGuestSession(secret) : null;
  return startGuest(bookingServer(), { existingUserId: existing?.userId ?? null, ip });
}
