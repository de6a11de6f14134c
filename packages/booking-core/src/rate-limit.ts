// Rate limiting, two ways, both pure decisions over state kept in database rows and shared by every app instance:
// - token buckets (rateLimitRules) for limits that guard another write: the bucket is read, decided and written back
//   in the same transaction as the work it allows, so a failed request consumes nothing. A rule "5 per hour" is a
//   bucket of 5 tokens refilled at 5 per hour: a burst of 5, then one more every 12 minutes.
// - fixed-window counters (attemptLimits) for throttles that guard no other write (sign-in attempts, new guest
//   sessions): one counter row per subject and window, moved with Appwrite's atomic increment bounded by the limit,
//   so the server refuses past it and exactly the limit passes however many requests race.
import { DomainError } from "./errors";
import { hash53 } from "./hash";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./time";

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

/** At most `limit` attempts in each window of `windowMs`, windows aligned to the epoch (a day window is a UTC day). */
export interface AttemptWindow {
  limit: number;
  windowMs: number;
}

/**
 * Throttles counted before the work they guard, each a list of windows an attempt must pass in order (shortest
 * first; an attempt refused by one window is not counted in the later ones). Why these numbers (finding 5, issue 9):
 *
 * - A sign-in is counted per login AND address first, so an attacker's guesses use up only their own allowance and
 *   the real person signs in from theirs. The two steps are the backoff: 10 tries a quarter hour (what one login had
 *   before), then at most 30 a day from that address; a person who mistyped waits the rest of the quarter hour, a
 *   script hammering one account from one address gets 30 guesses a day.
 * - Per address across logins, 60 per quarter hour and 300 a day: one address guessing many accounts (loose, since
 *   a hotel's staff may share one address).
 * - Per login across addresses, 150 an hour, counted only for attempts that passed both of the above: it caps
 *   distributed guessing at 3,600 guesses a day per account however many addresses are used. It is the one window
 *   an attacker can fill for someone else, so it is large: filling it takes at least 5 addresses each spending its
 *   whole daily allowance, and it locks the account for the rest of that hour only.
 * - New guest sessions per address: the apps create them with the API key, which Appwrite's own abuse limit (50
 *   anonymous sessions an hour per IP) does not apply to, so the same limit is kept here.
 *
 * Fixed windows let up to twice a window's limit through around its boundary (20 tries in a minute from one
 * address); the day window behind the quarter hour still bounds the day, and the ceiling's double is still a bounded
 * rate.
 */
export const attemptLimits = {
  signInFromAddress: [
    { limit: 10, windowMs: 15 * MINUTE_MS },
    { limit: 30, windowMs: DAY_MS },
  ],
  signInPerIp: [
    { limit: 60, windowMs: 15 * MINUTE_MS },
    { limit: 300, windowMs: DAY_MS },
  ],
  signInPerLogin: [{ limit: 150, windowMs: HOUR_MS }],
  startGuestSession: [{ limit: 50, windowMs: HOUR_MS }],
} as const satisfies Record<string, readonly AttemptWindow[]>;

export type AttemptAction = keyof typeof attemptLimits;

/**
 * A rate-limit row untouched for this long can go: every window and every bucket's refill is at most a day, so such
 * a row is a counter whose window has ended or a bucket long since full (twice the longest, for clocks that differ).
 */
export const RATE_LIMIT_ROW_STALE_AFTER_MS =
  2 *
  Math.max(
    ...Object.values(rateLimitRules).map((rule) => rule.windowMs),
    ...Object.values(attemptLimits).flatMap((windows) => windows.map((w) => w.windowMs)),
  );

/** One counter row an attempt must increment (up to `limit`) to pass. */
export interface AttemptCounter {
  rowId: string;
  limit: number;
  /** ms: when this counter's window ends and a fresh one starts at zero. */
  resetAt: number;
}

/** The counters one attempt at `now` (ms) must pass, in order. */
export function attemptCounters(action: AttemptAction, subject: string, now: number): AttemptCounter[] {
  return attemptLimits[action].map(({ limit, windowMs }) => {
    const index = Math.floor(now / windowMs);
    return {
      rowId: rateLimitRowId(`${action}/${windowMs}`, `${subject}@${index}`),
      limit,
      resetAt: (index + 1) * windowMs,
    };
  });
}

/** The error for an attempt refused by `counter` (429 with Retry-After until its window ends). */
export function attemptLimitError(counter: AttemptCounter, now: number): DomainError {
  return new DomainError("rate_limited", "rate limit exceeded", { retryAfterMs: Math.max(1, counter.resetAt - now) });
}
