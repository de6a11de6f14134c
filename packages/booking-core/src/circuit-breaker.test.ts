import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CircuitBreaker,
  type CircuitState,
  decideCircuit,
  defaultCircuitBreakerConfig,
  initialCircuitState,
  recordFailure,
  recordSuccess,
} from "./circuit-breaker";
import { DomainError } from "./errors";

const fail5 = (state: CircuitState, at: number) => [1, 2, 3, 4, 5].reduce((s) => recordFailure(s, at), state);

describe("circuit breaker decisions", () => {
  it("stays closed through 4 failures, opens at the 5th consecutive one", () => {
    let s = initialCircuitState;
    for (let i = 0; i < 4; i += 1) s = recordFailure(s, 0);
    expect(s).toMatchObject({ status: "closed", consecutiveFailures: 4 });
    expect(recordSuccess(s)).toEqual(initialCircuitState);
    s = recordFailure(s, 1000);
    expect(s).toEqual({ status: "open", consecutiveFailures: 5, openedAt: 1000, probeStartedAt: null });
  });

  it("while open, refuses for 30 s, then lets exactly one probe through", () => {
    const open = fail5(initialCircuitState, 0);
    expect(decideCircuit(open, 29_999)).toMatchObject({ allowed: false, retryAfterMs: 1 });
    const probe = decideCircuit(open, 30_000);
    expect(probe).toMatchObject({ allowed: true, probe: true, state: { status: "half_open", probeStartedAt: 30_000 } });
    expect(decideCircuit(probe.state, 30_001)).toMatchObject({ allowed: false, probe: false, retryAfterMs: 9_999 });
  });

  it("the probe's success closes it; its failure opens it for another 30 s", () => {
    const half = decideCircuit(fail5(initialCircuitState, 0), 30_000).state;
    expect(recordSuccess(half)).toEqual(initialCircuitState);
    const reopened = recordFailure(half, 31_000);
    expect(reopened).toMatchObject({ status: "open", openedAt: 31_000 });
    expect(decideCircuit(reopened, 60_999).allowed).toBe(false);
  });

  it("a probe that never reports counts as failed after 10 s", () => {
    const half = decideCircuit(fail5(initialCircuitState, 0), 30_000).state;
    const stale = decideCircuit(half, 40_000);
    expect(stale).toMatchObject({ allowed: false, state: { status: "open", openedAt: 40_000 }, retryAfterMs: 30_000 });
  });

  it("late results while open change nothing; closed decisions always allow", () => {
    const open = fail5(initialCircuitState, 0);
    expect(recordFailure(open, 5)).toBe(open);
    expect(recordSuccess(open)).toBe(open);
    expect(decideCircuit(initialCircuitState, 0, defaultCircuitBreakerConfig)).toMatchObject({
      allowed: true,
      probe: false,
    });
    const noTimes: CircuitState = { status: "open", consecutiveFailures: 5, openedAt: null, probeStartedAt: null };
    expect(decideCircuit(noTimes, 100).allowed).toBe(false);
    expect(decideCircuit({ ...noTimes, status: "half_open" }, 100).allowed).toBe(false);
  });

  it("never lets more than one probe through while half-open", () => {
    const op = fc.record({
      dt: fc.integer({ min: 0, max: 20_000 }),
      kind: fc.constantFrom("request", "request", "succeed", "fail"),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        let state = initialCircuitState;
        let now = 0;
        const inFlight: Array<{ probe: boolean; at: number }> = [];
        for (const { dt, kind } of ops) {
          now += dt;
          if (kind === "request") {
            const wasHalfOpen = state.status === "half_open";
            const d = decideCircuit(state, now);
            state = d.state;
            if (!d.allowed) continue;
            expect(wasHalfOpen).toBe(false);
            if (d.probe) {
              const liveProbes = inFlight.filter(
                (r) => r.probe && now - r.at < defaultCircuitBreakerConfig.probeTimeoutMs,
              );
              expect(liveProbes).toEqual([]);
            }
            inFlight.push({ probe: d.probe, at: now });
          } else if (inFlight.length > 0) {
            inFlight.shift();
            state = kind === "succeed" ? recordSuccess(state) : recordFailure(state, now);
          }
        }
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe("CircuitBreaker (in memory)", () => {
  it("fails fast with service_unavailable once open, and recovers through a probe", async () => {
    let now = 0;
    const breaker = new CircuitBreaker(() => now);
    const down = Object.assign(new Error("down"), { status: 503 });
    for (let i = 0; i < 5; i += 1)
      await expect(
        breaker.execute(async () => {
          throw down;
        }),
      ).rejects.toBe(down);
    expect(breaker.state.status).toBe("open");
    const refused = await breaker.execute(async () => 1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "service_unavailable", retryAfterMs: 30_000 });
    now = 30_000;
    await expect(breaker.execute(async () => "back")).resolves.toBe("back");
    expect(breaker.state).toEqual(initialCircuitState);
  });

  it("a 4xx is a healthy answer and does not count as a failure", async () => {
    const breaker = new CircuitBreaker(() => 0);
    const notFound = Object.assign(new Error("nf"), { status: 404 });
    for (let i = 0; i < 10; i += 1)
      await expect(
        breaker.execute(async () => {
          throw notFound;
        }),
      ).rejects.toBe(notFound);
    expect(breaker.state.status).toBe("closed");
  });
});
