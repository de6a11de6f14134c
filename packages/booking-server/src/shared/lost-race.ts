import "server-only";
// What a writer does after losing an optimistic-lock race (a lock row's $id taken, or a staged row changed before the
// commit): read again and redo, a bounded number of times, after a short wait with wide jitter. Without the wait, the
// losers of one round re-read the same rows at the same moment and collide again in lockstep, so a burst of ten
// requests for one therapist ran out of attempts and answered 503 for races the server could simply redo (issue 9).
// The schedule is booking-core's backoff (retry.ts) with its own, much shorter, numbers: a lost race is cleared by
// the next commit, milliseconds later, not by a service recovering.
import { type RetryPolicy, retryDelayMs } from "@tenang/booking-core/retry";

/** 15 → 30 → 60 → 120 → 250 ms (capped), each ±90 %: about 2 s of waiting in the worst case over 12 attempts. */
export const lostRacePolicy: RetryPolicy = { maxRetries: 11, baseDelayMs: 15, maxDelayMs: 250, jitterRatio: 0.9 };

/** The first try and every redo: how many times a use case may attempt one change. */
export const MAX_RACE_ATTEMPTS = lostRacePolicy.maxRetries + 1;

/** Waits before redo number `attempt` (1 = the first redo, after the first lost race). */
export function waitAfterLostRace(attempt: number): Promise<void> {
  const ms = retryDelayMs(Math.max(0, attempt - 1), lostRacePolicy);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
