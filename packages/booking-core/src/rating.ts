// Ratings: who may rate a booking and until when, and how a rating moves the provider's average. Pure: the caller
// reads the booking, whether it is rated already and the provider's totals, and writes what comes back.
//
// Rules (ours): only the booking's customer; only a completed booking; within `ratingWindowMs` (7 days) of completion;
// once per booking. The average is kept as an exact integer sum of stars beside the count, so it never drifts; the
// displayed `rating` is that mean to one decimal.
import { DomainError } from "./errors";
import { defaultLifecycleConfig, type LifecycleConfig } from "./lifecycle/config";
import type { Booking } from "./schemas/booking";
import { toIso, toMs } from "./time";

type RatingConfig = Pick<LifecycleConfig, "ratingWindowMs">;
type Rateable = Pick<Booking, "customerId" | "status" | "completedAt">;

export type RatingProblem = "not_customer" | "already_rated" | "not_completed" | "window_closed";

/** Until when the booking may be rated (completion + the window); null while it is not completed. */
export function ratingOpenUntil(
  booking: Pick<Booking, "status" | "completedAt">,
  config: RatingConfig = defaultLifecycleConfig,
): string | null {
  if (booking.status !== "completed" || booking.completedAt === null) return null;
  return toIso(toMs(booking.completedAt) + config.ratingWindowMs);
}

/** Whether a completed booking can still be rated at `now` (the form is shown; whether it was rated is separate). */
export function isRatingOpen(
  booking: Pick<Booking, "status" | "completedAt">,
  now: Date | number,
  config: RatingConfig = defaultLifecycleConfig,
): boolean {
  const until = ratingOpenUntil(booking, config);
  return until !== null && toMs(now) < toMs(until);
}

/** Why `customerId` may not rate the booking now, or null when they may. */
export function ratingProblem(
  booking: Rateable,
  context: { customerId: string; now: Date | number; alreadyRated: boolean },
  config: RatingConfig = defaultLifecycleConfig,
): RatingProblem | null {
  if (booking.customerId !== context.customerId) return "not_customer";
  if (context.alreadyRated) return "already_rated";
  if (booking.status !== "completed") return "not_completed";
  if (!isRatingOpen(booking, context.now, config)) return "window_closed";
  return null;
}

/** The error a refused rating answers. Someone else's booking is `not_found`, never confirmed to a stranger. */
export function ratingRefusal(problem: RatingProblem): DomainError {
  switch (problem) {
    case "not_customer":
      return new DomainError("not_found", "booking not found");
    case "already_rated":
      return new DomainError("already_rated", "this booking has already been rated", { details: { problem } });
    case "not_completed":
      return new DomainError("invalid_transition", "only a completed booking can be rated", { details: { problem } });
    case "window_closed":
      return new DomainError("invalid_transition", "the time to rate this booking has passed", {
        details: { problem },
      });
  }
}

/** A provider's rating totals as stored. `ratingSum` is null on rows written before the sum was kept. */
export interface RatingTotals {
  rating: number;
  ratingCount: number;
  ratingSum: number | null;
}

/**
 * The totals after one more rating of `stars`. A row without a sum gets one from its average (the best that is known;
 * exact from then on). The average is rounded to one decimal and never leaves 0–5.
 */
export function addRating(
  totals: RatingTotals,
  stars: number,
): { rating: number; ratingCount: number; ratingSum: number } {
  const before = totals.ratingSum ?? Math.round(totals.rating * totals.ratingCount);
  const ratingSum = before + stars;
  const ratingCount = totals.ratingCount + 1;
  const rating = Math.min(5, Math.max(0, Math.round((ratingSum * 10) / ratingCount) / 10));
  return { rating, ratingCount, ratingSum };
}
