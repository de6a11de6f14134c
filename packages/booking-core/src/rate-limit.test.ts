import { describe, expect, it } from "vitest";
import { decideRateLimit, rateLimitError, rateLimitRowId, rateLimitRules } from "./rate-limit";

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
    const d = decideRateLimit(null, rateLimitRules.signIn, 1000, 3);
    const restored = JSON.parse(JSON.stringify(d.state)) as typeof d.state;
    expect(decideRateLimit(restored, rateLimitRules.signIn, 1000, 8).allowed).toBe(false);
    expect(decideRateLimit(restored, rateLimitRules.signIn, 1000, 7).allowed).toBe(true);
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
