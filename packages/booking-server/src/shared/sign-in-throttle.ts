import "server-only";
// Sign-in attempts to the dashboards, counted before the password is checked. The apps create sessions with the API
// key, which Appwrite's own per-email limit does not apply to, so without this a script could guess passwords as
// fast as the server answers. Two buckets: the login as typed (one account) and the client IP (many accounts).
import type { BookingServerContext } from "../context";
import { consumeRateLimit } from "./rate-limit-repository";

export interface SignInAttempt {
  /** The email or phone as the app normalised it (lower-case email, E.164 phone). */
  login: string;
  ip: string;
}

/** Counts one attempt in both buckets (both are counted even when one refuses); throws rate_limited past either. */
export async function countSignInAttempt(ctx: BookingServerContext, attempt: SignInAttempt): Promise<void> {
  const [perLogin, perIp] = await Promise.allSettled([
    consumeRateLimit(ctx, "signIn", attempt.login),
    consumeRateLimit(ctx, "signInPerIp", attempt.ip),
  ]);
  for (const result of [perLogin, perIp]) if (result.status === "rejected") throw result.reason;
}
