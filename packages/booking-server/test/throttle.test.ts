// Throttles that guard no other write (sign-in attempts, new guest sessions), as fixed-window counters moved with
// Appwrite's atomic bounded increment: exactly the limit passes however many requests race, then 429 rate_limited
// until the window ends. Sign-in attempts (finding 5, issue 9) are real sign-ins against the local server: an
// attempt reaches the password check only when countSignInAttempt lets it through, as in logInWithLabel.
import { attemptLimits, RATE_LIMIT_ROW_STALE_AFTER_MS } from "@tenang/booking-core/rate-limit";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@tenang/booking-core/time";
import { AppwriteException, Account, Client, TablesDB } from "node-appwrite";
import type { BookingServerContext } from "../src/context";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeRateLimit, deleteStaleRateLimitRows } from "../src/shared/rate-limit-repository";
import { countSignInAttempt } from "../src/shared/sign-in-throttle";
import { type Engine, startEngine } from "./support/engine";

const THERAPIST = { email: "therapist@tenang.id", password: "tenang-therapist" };
const [quarterHour, perDay] = attemptLimits.signInFromAddress;
const [perLoginCeiling] = attemptLimits.signInPerLogin;
const [perIpQuarterHour] = attemptLimits.signInPerIp;
const [guestSessions] = attemptLimits.startGuestSession;

let engine: Engine;
let account: Account;
// Each test starts on its own whole day (a UTC midnight), so window boundaries fall where the test says.
let day = Date.UTC(2030, 0, 1);
const startDay = () => {
  day += 2 * DAY_MS;
  engine.clock.set(day);
  return day;
};

beforeAll(async () => {
  engine = await startEngine();
  const { endpoint, projectId, apiKey } = engine.stack;
  account = new Account(new Client().setEndpoint(endpoint).setProject(projectId).setKey(apiKey));
});
afterAll(() => engine.close());

type Outcome = "signed-in" | "wrong-password" | "rate_limited";

/**
 * Another app instance: the same project and clock, its own connections. (`setSelfSigned` gives a client a pool of
 * its own; through one shared pool the SDK's requests queue up, which hides races that separate instances have.)
 */
function anotherInstance(): BookingServerContext {
  const { endpoint, projectId, apiKey } = engine.stack;
  const client = new Client().setEndpoint(endpoint).setProject(projectId).setKey(apiKey).setSelfSigned(true);
  return { ...engine.ctx, tablesDB: new TablesDB(client) };
}

/** The apps' sign-in order: count the attempt, then (only if allowed) check the password. */
function signInCounting(checks: { count: number }, instance: () => BookingServerContext = () => engine.ctx) {
  return async (email: string, password: string, ip: string): Promise<Outcome> => {
    try {
      await countSignInAttempt(instance(), { login: email, ip });
    } catch (error) {
      if ((error as { code?: string }).code === "rate_limited") return "rate_limited";
      throw error;
    }
    checks.count += 1;
    try {
      await account.createEmailPasswordSession({ email, password });
      return "signed-in";
    } catch (error) {
      if (error instanceof AppwriteException && error.code === 401) return "wrong-password";
      throw error;
    }
  };
}

/** "ok", or the refusal with its wait in ms. */
const outcome = (p: Promise<void>) =>
  p.then(
    () => "ok",
    (error: { code?: string; retryAfterMs?: number }) => `${error.code}:${error.retryAfterMs}`,
  );
const attempt = (login: string, ip: string, ctx: BookingServerContext = engine.ctx) =>
  outcome(countSignInAttempt(ctx, { login, ip }));
const count = (outcomes: string[], value: string) => outcomes.filter((o) => o === value).length;

describe("sign-in attempts (finding 5)", () => {
  it("60 concurrent wrong attempts, each through its own app instance: exactly the limit reach the password check", async () => {
    startDay();
    const checks = { count: 0 };
    const signIn = signInCounting(checks, anotherInstance);
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () => signIn(THERAPIST.email, "wrong-password", "198.51.100.1")),
    );
    expect(checks.count).toBe(quarterHour.limit);
    expect(count(outcomes, "wrong-password")).toBe(quarterHour.limit);
    expect(count(outcomes, "rate_limited")).toBe(60 - quarterHour.limit);
  });

  it("the real person signs in from their own address after an attacker's 100 attempts elsewhere", async () => {
    startDay();
    const checks = { count: 0 };
    const signIn = signInCounting(checks);
    const attacker: Outcome[] = [];
    for (let i = 0; i < 100; i += 1) attacker.push(await signIn(THERAPIST.email, `wrong-guess-${i}`, "198.51.100.2"));
    expect(count(attacker, "wrong-password")).toBe(quarterHour.limit);
    // Even the right password is refused from the attacker's address…
    expect(await signIn(THERAPIST.email, THERAPIST.password, "198.51.100.2")).toBe("rate_limited");
    // …but not from the therapist's own.
    expect(await signIn(THERAPIST.email, THERAPIST.password, "203.0.113.50")).toBe("signed-in");
  });

  it("backs off from one address: 10 tries a quarter hour, then 30 a day", async () => {
    const t = startDay() + 10 * HOUR_MS;
    engine.clock.set(t);
    const login = "backoff@example.com";
    const ip = "198.51.100.3";
    const tries = async (n: number) => {
      const outcomes: string[] = [];
      for (let i = 0; i < n; i += 1) outcomes.push(await attempt(login, ip));
      return outcomes;
    };
    expect(await tries(quarterHour.limit)).toEqual(Array(quarterHour.limit).fill("ok"));
    engine.clock.set(t + MINUTE_MS);
    expect(await attempt(login, ip)).toBe(`rate_limited:${14 * MINUTE_MS}`);
    engine.clock.set(t + 15 * MINUTE_MS);
    expect(count(await tries(quarterHour.limit + 3), "ok")).toBe(quarterHour.limit);
    engine.clock.set(t + 30 * MINUTE_MS);
    expect(count(await tries(quarterHour.limit + 3), "ok")).toBe(perDay.limit - 2 * quarterHour.limit);
    // The day's allowance is spent: the wait is now until the day ends, not the quarter hour.
    engine.clock.set(t + 45 * MINUTE_MS);
    expect(await attempt(login, ip)).toBe(`rate_limited:${DAY_MS - 10 * HOUR_MS - 45 * MINUTE_MS}`);
    // The next day starts afresh.
    engine.clock.set(t - 10 * HOUR_MS + DAY_MS);
    expect(await attempt(login, ip)).toBe("ok");
  });

  it("one address guessing across many logins is stopped by its own bucket; other addresses are not", async () => {
    startDay();
    const ip = "198.51.100.4";
    const outcomes = await Promise.all(
      Array.from({ length: perIpQuarterHour.limit + 20 }, (_, i) =>
        attempt(`person-${i}@example.com`, ip, anotherInstance()),
      ),
    );
    expect(count(outcomes, "ok")).toBe(perIpQuarterHour.limit);
    expect(await attempt("someone-new@example.com", ip)).toMatch(/^rate_limited:/);
    expect(await attempt("someone-new@example.com", "198.51.100.5")).toBe("ok");
  });

  it("guessing one login from many addresses stops at the login's ceiling, until the hour ends", async () => {
    const t = startDay();
    const login = "ceiling@example.com";
    const addresses = Math.ceil(perLoginCeiling.limit / quarterHour.limit) + 5;
    const outcomes = await Promise.all(
      Array.from({ length: addresses * quarterHour.limit }, (_, i) =>
        attempt(login, `10.0.${Math.floor(i / quarterHour.limit)}.1`, anotherInstance()),
      ),
    );
    expect(count(outcomes, "ok")).toBe(perLoginCeiling.limit);
    expect(await attempt(login, "10.1.0.1")).toBe(`rate_limited:${HOUR_MS}`);
    engine.clock.set(t + HOUR_MS);
    expect(await attempt(login, "10.1.0.1")).toBe("ok");
  });
});

describe("new guest sessions", () => {
  it("exactly the limit per address an hour, however many race; other addresses have their own", async () => {
    const t = startDay();
    const ip = "203.0.113.7";
    const outcomes = await Promise.all(
      Array.from({ length: guestSessions.limit + 30 }, () =>
        outcome(consumeRateLimit(anotherInstance(), "startGuestSession", ip)),
      ),
    );
    expect(count(outcomes, "ok")).toBe(guestSessions.limit);
    expect(count(outcomes, `rate_limited:${HOUR_MS}`)).toBe(30);
    // Refusals keep coming while the attempts do; another address is untouched; the next hour starts afresh.
    engine.clock.set(t + 30 * MINUTE_MS);
    expect(await outcome(consumeRateLimit(engine.ctx, "startGuestSession", ip))).toBe(`rate_limited:${30 * MINUTE_MS}`);
    expect(await outcome(consumeRateLimit(engine.ctx, "startGuestSession", "203.0.113.8"))).toBe("ok");
    engine.clock.set(t + HOUR_MS);
    expect(await outcome(consumeRateLimit(engine.ctx, "startGuestSession", ip))).toBe("ok");
  });
});

describe("stale rows", () => {
  it("rows untouched for longer than any window are deleted; fresh ones stay", async () => {
    startDay();
    await consumeRateLimit(engine.ctx, "startGuestSession", "203.0.113.99");
    const before = (await engine.rows("rate_limits")).length;
    expect(before).toBeGreaterThan(0);
    // Rows carry the server's real time; "now" is given explicitly here (the engine's clock is in 2030).
    expect(await deleteStaleRateLimitRows(engine.ctx, new Date())).toBe(0);
    const later = new Date(Date.now() + RATE_LIMIT_ROW_STALE_AFTER_MS + 60_000);
    expect(await deleteStaleRateLimitRows(engine.ctx, later)).toBe(before);
    expect(await engine.rows("rate_limits")).toEqual([]);
  });
});
