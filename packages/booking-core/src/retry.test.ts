import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "./errors";
import {
  defaultRetryPolicy,
  httpStatusOf,
  isNetworkError,
  isRetryableError,
  parseRetryAfter,
  retryAfterMsOf,
  retryDelayBounds,
  retryDelayMs,
  sleep,
  withRetry,
} from "./retry";

const status = (s: number) => Object.assign(new Error(`HTTP ${s}`), { status: s });
const appwrite = (code: number) => Object.assign(new Error("appwrite"), { name: "AppwriteException", code });
const node = (code: string) => Object.assign(new Error(code), { code });

describe("backoff schedule", () => {
  it("defaults: 300 → 600 → 1200 ms, ±15 %, after the first call", () => {
    expect(defaultRetryPolicy).toEqual({ maxRetries: 3, baseDelayMs: 300, maxDelayMs: 3000, jitterRatio: 0.15 });
    expect([0, 1, 2].map((r) => retryDelayMs(r, defaultRetryPolicy, () => 0.5))).toEqual([300, 600, 1200]);
    expect([0, 1, 2].map((r) => retryDelayBounds(r))).toEqual([
      { min: 255, max: 345 },
      { min: 510, max: 690 },
      { min: 1020, max: 1380 },
    ]);
    expect(retryDelayMs(0, defaultRetryPolicy, () => 0)).toBe(255);
    expect(retryDelayMs(0, undefined, () => 0.999999)).toBe(345);
    expect(retryDelayBounds(5)).toEqual({ min: 2550, max: 3000 });
  });

  it("never leaves its bounds, for any policy and any random number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.record({
          maxRetries: fc.constant(3),
          baseDelayMs: fc.integer({ min: 1, max: 5000 }),
          maxDelayMs: fc.integer({ min: 1, max: 60_000 }),
          jitterRatio: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, policy, r) => {
          const delay = retryDelayMs(retry, policy, () => r);
          const { min, max } = retryDelayBounds(retry, policy);
          expect(delay).toBeGreaterThanOrEqual(min);
          expect(delay).toBeLessThanOrEqual(max);
          expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
      { numRuns: 1000, seed: 4 },
    );
  });

  it("the default worst case waits under 2.5 s in total", () => {
    const total = [0, 1, 2].reduce((sum, r) => sum + retryDelayBounds(r).max, 0);
    expect(total).toBe(2415);
  });
});

describe("what is retried", () => {
  it.each([
    ["a 500", status(500), true],
    ["a 502", status(502), true],
    ["a 503 from Appwrite", appwrite(503), true],
    ["a 429", status(429), true],
    ["a Response-like error", { response: { status: 504 } }, true],
    ["fetch failed (Node)", new TypeError("fetch failed"), true],
    ["Failed to fetch (Chrome)", new TypeError("Failed to fetch"), true],
    ["Load failed (Safari)", new TypeError("Load failed"), true],
    ["ECONNRESET", node("ECONNRESET"), true],
    ["a cause with ETIMEDOUT", Object.assign(new TypeError("fetch failed x"), { cause: node("ETIMEDOUT") }), true],
    ["an unreachable Appwrite (code 0)", appwrite(0), true],
    ["a per-attempt timeout", Object.assign(new Error("t"), { name: "TimeoutError" }), true],
    ["service_unavailable", new DomainError("service_unavailable", "x"), true],
    ["a 400", status(400), false],
    ["a 401", appwrite(401), false],
    ["a 404", status(404), false],
    ["a 409", status(409), false],
    ["a 422", status(422), false],
    ["a 501", status(501), false],
    ["a 505", status(505), false],
    ["a validation DomainError", new DomainError("validation_failed", "x"), false],
    ["an abort", Object.assign(new Error("a"), { name: "AbortError" }), false],
    ["a plain TypeError", new TypeError("x is not a function"), false],
    ["an unknown error code", node("EACCES"), false],
    ["a string", "boom", false],
    ["null", null, false],
    [
      "a self-caused error",
      (() => {
        const e: Error & { cause?: unknown } = new Error("x");
        e.cause = e;
        return e;
      })(),
      false,
    ],
  ])("%s → %s", (_name, error, retryable) => {
    expect(isRetryableError(error)).toBe(retryable);
  });

  it("reads statuses and Retry-After", () => {
    expect(httpStatusOf(status(418))).toBe(418);
    expect(httpStatusOf({ response: "x" })).toBeUndefined();
    expect(httpStatusOf(undefined)).toBeUndefined();
    expect(isNetworkError(undefined)).toBe(false);
    expect(retryAfterMsOf(new DomainError("rate_limited", "x", { retryAfterMs: 500 }))).toBe(500);
    expect(retryAfterMsOf({ retryAfterMs: -1 })).toBeUndefined();
    expect(retryAfterMsOf(null)).toBeUndefined();
    const now = Date.parse("2025-11-22T02:00:00.000Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("Sat, 22 Nov 2025 02:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Sat, 22 Nov 2025 01:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("withRetry", () => {
  const fakeSleep = () => {
    const waits: number[] = [];
    return { waits, sleep: async (ms: number) => void waits.push(ms) };
  };

  it("retries a transient failure with the backoff, then succeeds", async () => {
    const { waits, sleep: wait } = fakeSleep();
    const seen: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async (attempt) => {
        calls += 1;
        if (attempt < 2) throw status(503);
        return "ok";
      },
      { sleep: wait, random: () => 0.5, onRetry: ({ retry }) => seen.push(retry) },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(waits).toEqual([300, 600]);
    expect(seen).toEqual([1, 2]);
  });

  it("gives up after 3 retries with the last error", async () => {
    const { waits, sleep: wait } = fakeSleep();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw status(500);
        },
        { sleep: wait, random: () => 0.5 },
      ),
    ).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(4);
    expect(waits).toEqual([300, 600, 1200]);
  });

  it("never retries a 4xx", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw status(422);
        },
        { sleep: async () => {} },
      ),
    ).rejects.toMatchObject({ status: 422 });
    expect(calls).toBe(1);
  });

  it("honours Retry-After when it is short, gives up when it is long", async () => {
    const { waits, sleep: wait } = fakeSleep();
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw Object.assign(status(429), { retryAfterMs: 2000 });
        return 1;
      },
      { sleep: wait, random: () => 0.5 },
    );
    expect(waits).toEqual([2000]);
    await expect(
      withRetry(
        async () => {
          throw Object.assign(status(429), { retryAfterMs: 60_000 });
        },
        { sleep: wait },
      ),
    ).rejects.toMatchObject({ status: 429 });
  });

  it("stops at once when the signal aborts, before or during the wait", async () => {
    const before = new AbortController();
    before.abort(new Error("user left"));
    await expect(withRetry(async () => 1, { signal: before.signal })).rejects.toThrow("user left");

    const during = new AbortController();
    let calls = 0;
    const promise = withRetry(
      async () => {
        calls += 1;
        throw status(503);
      },
      {
        signal: during.signal,
        sleep: async (_ms, signal) => {
          during.abort(new Error("cancelled"));
          if (signal?.aborted) throw signal.reason;
        },
      },
    );
    await expect(promise).rejects.toThrow("cancelled");
    expect(calls).toBe(1);

    const inside = new AbortController();
    await expect(
      withRetry(
        async () => {
          inside.abort();
          throw status(503);
        },
        { signal: inside.signal },
      ),
    ).rejects.toMatchObject({ name: "AbortError" });
  });

  it("accepts a custom retry rule", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw status(409);
        },
        { shouldRetry: () => true, sleep: async () => {}, policy: { ...defaultRetryPolicy, maxRetries: 1 } },
      ),
    ).rejects.toBeTruthy();
    expect(calls).toBe(2);
  });
});

describe("sleep", () => {
  afterEach(() => vi.useRealTimers());

  it("waits, and rejects early when aborted", async () => {
    vi.useFakeTimers();
    const done = vi.fn();
    const p = sleep(1000).then(done);
    await vi.advanceTimersByTimeAsync(999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(done).toHaveBeenCalled();

    const controller = new AbortController();
    const aborted = sleep(1000, controller.signal);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    await expect(sleep(10, controller.signal)).rejects.toMatchObject({ name: "AbortError" });

    const finished = new AbortController();
    const ok = sleep(5, finished.signal);
    await vi.advanceTimersByTimeAsync(5);
    await expect(ok).resolves.toBeUndefined();
  });
});

describe("httpStatusOf ignores codes outside the HTTP range", () => {
  it("treats a DOMException-style TimeoutError (code 23) as a network error, not a 4xx", () => {
    const timeout = Object.assign(new Error("timed out"), { name: "TimeoutError", code: 23 });
    expect(httpStatusOf(timeout)).toBeUndefined();
    expect(isRetryableError(timeout)).toBe(true);
  });
});
