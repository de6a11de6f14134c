// Throttles that guard no other write (sign-in attempts, new guest sessions): allowed up to the rule's limit, then
// 429 rate_limited with a retry time, refilled as the clock moves, and kept per subject.
import { rateLimitRules } from "@tenang/booking-core/rate-limit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeRateLimit } from "../src/shared/rate-limit-repository";
import { type Engine, startEngine } from "./support/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

const outcome = (p: Promise<void>) =>
  p.then(
    () => "ok",
    (error: { code?: string; retryAfterMs?: number }) => `${error.code}:${error.retryAfterMs! > 0}`,
  );

describe("consumeRateLimit", () => {
  it("lets the rule's limit through, then refuses with a retry time until the bucket refills", async () => {
    const { limit, windowMs } = rateLimitRules.signIn;
    for (let i = 0; i < limit; i += 1) await consumeRateLimit(engine.ctx, "signIn", "someone@example.com");
    expect(await outcome(consumeRateLimit(engine.ctx, "signIn", "someone@example.com"))).toBe("rate_limited:true");
    // Another login, or the same login in another action, has its own bucket.
    expect(await outcome(consumeRateLimit(engine.ctx, "signIn", "other@example.com"))).toBe("ok");
    expect(await outcome(consumeRateLimit(engine.ctx, "signInPerIp", "someone@example.com"))).toBe("ok");
    // One attempt's worth of time later, one more attempt, and only one.
    engine.clock.advance(Math.ceil(windowMs / limit));
    expect(await outcome(consumeRateLimit(engine.ctx, "signIn", "someone@example.com"))).toBe("ok");
    expect(await outcome(consumeRateLimit(engine.ctx, "signIn", "someone@example.com"))).toBe("rate_limited:true");
  });

  it("keeps refusing while the attempts keep coming (a denied attempt does not reset the wait)", async () => {
    const { limit } = rateLimitRules.startGuestSession;
    for (let i = 0; i < limit; i += 1) await consumeRateLimit(engine.ctx, "startGuestSession", "203.0.113.7");
    for (let i = 0; i < 3; i += 1) {
      expect(await outcome(consumeRateLimit(engine.ctx, "startGuestSession", "203.0.113.7"))).toBe("rate_limited:true");
    }
    expect(await outcome(consumeRateLimit(engine.ctx, "startGuestSession", "203.0.113.8"))).toBe("ok");
  });
});
