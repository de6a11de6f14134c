import { describe, expect, it } from "vitest";
import {
  attemptCounters,
  attemptLimitError,
  attemptLimits,
  decideRateLimit,
  RATE_LIMIT_ROW_STALE_AFTER_MS,
  rateLimitError,
  rateLimitRowId,
  rateLimitRules,
} from "./rate-limit";

const HOUR = 3_600_000;

describe("token bucket", () => {
  it("5 bookings per customer per hour: a burst of 5, then one every 12 minutes", () => {
    const rule = rateLimitRules.createBooking;
    let state = null;
    for (let i = 0; i < 5; i += 1) {
      const d = decideRateLimit(state, rule, 0);
      expect(d.allowed).toBe(true);
      expect(d.remaining).toBe(4 - i);
      state = d.state;
    }
    const sixth = decideRateLimit(state, rule, 0);
    expect(sixth).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 12 * 60_000, resetAfterMs: HOUR });
    expect(decideRateLimit(sixth.state, rule, 12 * 60_000 - 1).allowed).toBe(false);
    const later = decideRateLimit(sixth.state, rule, 12 * 60_000);
    expect(later).toMatchObject({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(decideRateLimit(later.state, rule, 10 * HOUR)).toMatchObject({ allowed: true, remaining: 4 });
  });

  it("30 messages per minute", () => {
    let state = null;
    let allowed = 0;
    for (let i = 0; i < 40; i += 1) {
      const d = decideRateLimit(state, rateLimitRules.sendMessage, i * 100);
      state = d.state;
      if (d.allowed) allowed += 1;
    }
    expect(allowed).toBe(31); // the burst of 30, plus one from 3.9 s of refill at 0.5 per second
  });

  it("is plain data that survives a JSON round trip (it lives in a database row)", () => {
    const d = decideRateLimit(null, rateLimitRules.checkDiscountCode, 1000, 3);
    const restored = JSON.parse(JSON.stringify(d.state)) as typeof d.state;
    expect(decideRateLimit(restored, rateLimitRules.checkDiscountCode, 1000, 8).allowed).toBe(false);
    expect(decideRateLimit(restored, rateLimitRules.checkDiscountCode, 1000, 7).allowed).toBe(true);
  });

  it("a clock behind the stored state refills nothing and never moves time back", () => {
    const d = decideRateLimit({ tokens: 0, updatedAt: 10_000 }, rateLimitRules.createBooking, 5_000);
    expect(d).toMatchObject({ allowed: false, state: { tokens: 0, updatedAt: 10_000 } });
  });

  it("row ids fit Appwrite and the denial maps to 429", () => {
    const id = rateLimitRowId("createBooking", "a-very-long-user-id-of-thirty-six-x");
    expect(id).toMatch(/^rl_[0-9a-f]{14}$/);
    expect(rateLimitRowId("createBooking", "u1")).not.toBe(rateLimitRowId("sendMessage", "u1"));
    const error = rateLimitError(decideRateLimit({ tokens: 0, updatedAt: 0 }, rateLimitRules.createBooking, 0));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterMs: 720_000 });
  });
});

describe("fixed-window attempt counters", () => {
  const T = Date.UTC(2030, 0, 1, 10, 0, 0); // a whole day, hour and minute

  it("one counter per window, shortest first, each ending where its window ends", () => {
    const counters = attemptCounters("signInFromAddress", "sari@tenang.id 203.0.113.1", T + 90_000);
    expect(counters.map((c) => c.limit)).toEqual([10, 30]);
    expect(counters.map((c) => c.resetAt - T)).toEqual([15 * 60_000, 14 * HOUR]);
    expect(new Set(counters.map((c) => c.rowId)).size).toBe(2);
    for (const c of counters) expect(c.rowId).toMatch(/^rl_[0-9a-f]{14}$/);
  });

  it("the same window gives the same row (every instance counts in it); the next window a fresh one", () => {
    const [a] = attemptCounters("signInPerLogin", "sari@tenang.id", T);
    const [b] = attemptCounters("signInPerLogin", "sari@tenang.id", T + HOUR - 1);
    const [c] = attemptCounters("signInPerLogin", "sari@tenang.id", T + HOUR);
    expect(a!.rowId).toBe(b!.rowId);
    expect(c!.rowId).not.toBe(a!.rowId);
    expect(attemptCounters("signInPerLogin", "other@tenang.id", T)[0]!.rowId).not.toBe(a!.rowId);
    expect(attemptCounters("signInPerIp", "sari@tenang.id", T)[0]!.rowId).not.toBe(a!.rowId);
  });

  it("the per-login ceiling is the largest sign-in window and takes several addresses' whole allowance", () => {
    const perAddressPerDay = Math.min(
      ...attemptLimits.signInFromAddress.map((w) => (w.limit * 86_400_000) / w.windowMs),
    );
    const [ceiling] = attemptLimits.signInPerLogin;
    expect(perAddressPerDay).toBe(30);
    expect(ceiling.limit / perAddressPerDay).toBeGreaterThanOrEqual(5);
  });

  it("a row untouched for two days is stale: no window or refill is longer than one", () => {
    expect(RATE_LIMIT_ROW_STALE_AFTER_MS).toBe(2 * 24 * HOUR);
  });

  it("a refusal waits until the refusing window ends (429 with Retry-After)", () => {
    const [quarterHour] = attemptCounters("signInFromAddress", "x", T + 45_000);
    expect(attemptLimitError(quarterHour!, T + 45_000)).toMatchObject({ code: "rate_limited", retryAfterMs: 855_000 });
  });
});
