import "server-only";
// Sign-in attempts to the dashboards, counted before the password is checked. The apps create sessions with the API
// key, which Appwrite's own per-email limit does not apply to, so without this a script could guess passwords as
// fast as the server answers. booking-core's attemptLimits says which windows and why: the login from this address
// first (so an attacker elsewhere uses up only their own allowance and cannot lock the real person out), this
// address across logins, and only then the login's overall ceiling against guessing from many addresses.
import type { BookingServerContext } from "../context";
import { consumeRateLimit } from "./rate-limit-repository";

export interface SignInAttempt {
  /** The email or phone as the app normalised it (lower-case email, E.164 phone). */
  login: string;
  ip: string;
}

/** Counts one attempt; throws rate_limited (with the wait) past any of the sign-in limits. */
export async function countSignInAttempt(ctx: BookingServerContext, attempt: SignInAttempt): Promise<void> {
  const now = ctx.clock();
  // Both of the caller's own buckets are counted even when one refuses, so neither can be probed for free.
  const own = await Promise.allSettled([
    // A space cannot appear in a normalised email or phone, so login and address cannot run into each other.
    consumeRateLimit(ctx, "signInFromAddress", `${attempt.login} ${attempt.ip}`, now),
    consumeRateLimit(ctx, "signInPerIp", attempt.ip, now),
  ]);
  for (const result of own) if (result.status === "rejected") throw result.reason;
  await consumeRateLimit(ctx, "signInPerLogin", attempt.login, now);
}
