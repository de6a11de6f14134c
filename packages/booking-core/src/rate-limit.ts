// Rate limiting as a pure decision: a token bucket whose state is passed in and returned, so it can be stored in a
// database row and shared by every app instance (read the row, decide, write it back with the row's version check).
// A rule "5 per hour" is a bucket of 5 tokens refilled at 5 per hour: a burst of 5, then one more every 12 minutes.
import { DomainError } from "./errors";
import { hash53 } from "./hash";
import { HOUR_MS, MINUTE_MS } from "./time";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export const rateLimitRules = {
  /** Bookings a customer may create. */
  createBooking: { limit: 5, windowMs: HOUR_MS },
  /** Chat messages a person may send. */
  sendMessage: { limit: 30, windowMs: MINUTE_MS },
  /** Discount codes a customer may try (guessing codes is the abuse). */
  checkDiscountCode: { limit: 10, windowMs: HOUR_MS },
  /** Sign-in attempts per login (email or phone as typed): password guessing against one account. */
  signIn: { limit: 10, windowMs: 15 * MINUTE_MS },
  /** Sign-in attempts per client IP: guessing across many accounts (loose: a hotel's staff may share one IP). */
  signInPerIp: { limit: 60, windowMs: 15 * MINUTE_MS },
  /**
   * New guest sessions per client IP. The apps create them with the API key, which Appwrite's own abuse limit (50
   * anonymous sessions an hour per IP) does not apply to, so the same limit is kept here.
   */
  startGuestSession: { limit: 50, windowMs: HOUR_MS },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitAction = keyof typeof rateLimitRules;

export interface RateLimitState {
  tokens: number;
  /** ms */
  updatedAt: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Store this (also when denied: it carries the refill). */
  state: RateLimitState;
  /** Whole requests still allowed right now. */
  remaining: number;
  /** When denied: ms until the request would be allowed. 0 when allowed. */
  retryAfterMs: number;
  /** ms until the bucket is full again. */
  resetAfterMs: number;
}

/** Decides one request costing `cost` tokens at `now` (ms). A missing state is a full bucket. */
export function decideRateLimit(
  state: RateLimitState | null,
  rule: RateLimitRule,
  now: number,
  cost = 1,
): RateLimitDecision {
  const ratePerMs = rule.limit / rule.windowMs;
  // A clock behind the stored one (another instance) refills nothing rather than taking tokens away.
  const elapsed = state === null ? 0 : Math.max(0, now - state.updatedAt);
  const available = state === null ? rule.limit : Math.min(rule.limit, state.tokens + elapsed * ratePerMs);
  const allowed = available >= cost;
  const tokens = allowed ? available - cost : available;
  const next: RateLimitState = { tokens, updatedAt: Math.max(now, state?.updatedAt ?? now) };
  return {
    allowed,
    state: next,
    remaining: Math.floor(tokens),
    retryAfterMs: allowed ? 0 : Math.ceil((cost - tokens) / ratePerMs),
    resetAfterMs: Math.ceil((rule.limit - tokens) / ratePerMs),
  };
}

/** The row id for one subject's bucket of one action (Appwrite ids: ≤ 36 chars, no ':'). */
export function rateLimitRowId(action: RateLimitAction | string, subject: string): string {
  return `rl_${hash53(`${action}:${subject}`)}`;
}

/** The error a route handler returns for a denied decision (429 with Retry-After). */
export function rateLimitError(decision: RateLimitDecision): DomainError {
  return new DomainError("rate_limited", "rate limit exceeded", { retryAfterMs: decision.retryAfterMs });
}
