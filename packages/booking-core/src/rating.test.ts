import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOUR, NOW } from "../test/fixtures";
import { defaultLifecycleConfig } from "./lifecycle/config";
import { addRating, isRatingOpen, ratingOpenUntil, ratingProblem, ratingRefusal } from "./rating";

const DAY = 24 * HOUR;
const completedAt = new Date(NOW).toISOString();
const completed = { customerId: "c1", status: "completed" as const, completedAt };
const WEEK = 7 * DAY;

describe("who may rate, and until when", () => {
  it("the window is seven days from completion, in the lifecycle config", () => {
    expect(defaultLifecycleConfig.ratingWindowMs).toBe(WEEK);
    expect(ratingOpenUntil(completed)).toBe(new Date(NOW + WEEK).toISOString());
    expect(ratingOpenUntil({ status: "in_progress", completedAt: null })).toBeNull();
    expect(ratingOpenUntil(completed, { ratingWindowMs: DAY })).toBe(new Date(NOW + DAY).toISOString());
  });

  it("is open from completion until (not including) the end of the window", () => {
    expect(isRatingOpen(completed, NOW)).toBe(true);
    expect(isRatingOpen(completed, NOW + WEEK - 1)).toBe(true);
    expect(isRatingOpen(completed, NOW + WEEK)).toBe(false);
    expect(isRatingOpen({ status: "cancelled", completedAt: null }, NOW)).toBe(false);
  });

  it.each([
    ["the customer, in time", completed, "c1", NOW + DAY, false, null],
    ["someone else", completed, "c2", NOW + DAY, false, "not_customer"],
    ["twice", completed, "c1", NOW + DAY, true, "already_rated"],
    ["twice, after the window too", completed, "c1", NOW + 30 * DAY, true, "already_rated"],
    [
      "before completion",
      { customerId: "c1", status: "in_progress", completedAt: null },
      "c1",
      NOW,
      false,
      "not_completed",
    ],
    [
      "a cancelled booking",
      { customerId: "c1", status: "cancelled", completedAt: null },
      "c1",
      NOW,
      false,
      "not_completed",
    ],
    ["after seven days", completed, "c1", NOW + WEEK, false, "window_closed"],
  ] as const)("%s → %s", (_name, booking, customerId, now, alreadyRated, problem) => {
    expect(ratingProblem(booking, { customerId, now, alreadyRated })).toBe(problem);
  });

  it.each([
    ["not_customer", "not_found", undefined],
    ["already_rated", "already_rated", "already_rated"],
    ["not_completed", "invalid_transition", "not_completed"],
    ["window_closed", "invalid_transition", "window_closed"],
  ] as const)("%s is answered as %s", (problem, code, detail) => {
    const error = ratingRefusal(problem);
    expect(error.code).toBe(code);
    expect(error.details.problem).toBe(detail);
  });
});

describe("the provider's average", () => {
  it("keeps the exact sum and shows the mean to one decimal", () => {
    expect(addRating({ rating: 0, ratingCount: 0, ratingSum: 0 }, 5)).toEqual({
      rating: 5,
      ratingCount: 1,
      ratingSum: 5,
    });
    expect(addRating({ rating: 5, ratingCount: 1, ratingSum: 5 }, 4)).toEqual({
      rating: 4.5,
      ratingCount: 2,
      ratingSum: 9,
    });
    // 14 / 3 = 4.666… → 4.7
    expect(addRating({ rating: 4.5, ratingCount: 2, ratingSum: 9 }, 5)).toEqual({
      rating: 4.7,
      ratingCount: 3,
      ratingSum: 14,
    });
  });

  it("a row without a sum starts one from its average", () => {
    // 4.8 × 50 = 240, + 3 = 243 over 51 = 4.76… → 4.8
    expect(addRating({ rating: 4.8, ratingCount: 50, ratingSum: null }, 3)).toEqual({
      rating: 4.8,
      ratingCount: 51,
      ratingSum: 243,
    });
    expect(addRating({ rating: 0, ratingCount: 0, ratingSum: null }, 1)).toEqual({
      rating: 1,
      ratingCount: 1,
      ratingSum: 1,
    });
  });

  it("never leaves 0–5, even from a row whose totals disagree", () => {
    expect(addRating({ rating: 5, ratingCount: 1, ratingSum: 40 }, 5).rating).toBe(5);
  });

  it("the mean of many ratings is the rounded mean of their stars, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (stars) => {
        let totals = { rating: 0, ratingCount: 0, ratingSum: 0 as number | null };
        for (const s of stars) totals = addRating(totals, s);
        const sum = stars.reduce((a, b) => a + b, 0);
        expect(totals).toEqual({
          rating: Math.round((sum * 10) / stars.length) / 10,
          ratingCount: stars.length,
          ratingSum: sum,
        });
      }),
      { seed: 20251122, numRuns: 200 },
    );
  });
});
