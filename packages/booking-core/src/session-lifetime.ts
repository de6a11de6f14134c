// How long a signed-in session lasts, per role, written down once (issue 9: every session lasted a year, admin
// included). app-server applies it on every signed-in request (absolute and idle limits, cookie renewed on use);
// booking-server's session sweep ends admin sessions past their absolute limit in Appwrite itself, so a stolen admin
// secret used straight against Appwrite dies on time too.

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface SessionLifetime {
  /** From sign-in; no amount of use extends a session past this. */
  absoluteMs: number;
  /** Since the last request made with the session; each use renews it. */
  idleMs: number;
}

export type SessionRole = "admin" | "therapist" | "guest";

export const SESSION_LIFETIMES = {
  // An admin session can read every booking and approve commissions, and admins work on shared office machines:
  // one working day at most, and an hour away from the desk ends it.
  admin: { absoluteMs: 12 * HOUR_MS, idleMs: 1 * HOUR_MS },
  // Therapists work from their own phone and must not miss offers by being signed out mid-shift: a month of quiet
  // ends it, and a sign-in a quarter.
  therapist: { absoluteMs: 90 * DAY_MS, idleMs: 30 * DAY_MS },
  // A guest cannot sign in again (the anonymous account is the key to their bookings and chat), so only a month
  // without a visit ends it; the absolute bound is Appwrite's own default session length.
  guest: { absoluteMs: 365 * DAY_MS, idleMs: 30 * DAY_MS },
} as const satisfies Record<SessionRole, SessionLifetime>;
