// Finding 7: with the backend frozen (a pausable TCP proxy between the apps and the local server, paused), every
// route that needs Appwrite answers 503 with Retry-After within its deadline instead of hanging, and /api/health
// reports the backend down. Resumed, everything works again.
import { startPausableProxy, type PausableProxy } from "@tenang/testing/pausable-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  setOnline,
  signIn,
  startGuest,
  startSecurityWorld,
  type Actor,
  type SecurityWorld,
} from "./support/world";
import { DEMO_LOGINS } from "@tenang/db/seed/demo-data";

/** How long a route may take to give up on a frozen backend: the deadline the fix sets, with room for a busy machine. */
const ANSWER_WITHIN_MS = 15_000;

let world: SecurityWorld;
let proxy: PausableProxy;
let guest: Actor;
let therapist: Actor;

beforeAll(async () => {
  world = await startSecurityWorld({
    apps: ["customer", "therapist-dashboard"],
    appEndpoint: async (stack) => {
      const upstream = new URL(stack.endpoint);
      proxy = await startPausableProxy({ host: upstream.hostname, port: Number(upstream.port) });
      return `${proxy.url}/v1`;
    },
  });
  guest = (await startGuest(world, "guest")).actor;
  therapist = await signIn(world, "therapist-dashboard", DEMO_LOGINS.therapist.email, DEMO_LOGINS.therapist.password);
  await setOnline(world, therapist, false);
});
afterAll(async () => {
  proxy?.resume();
  await world?.close();
  await proxy?.close();
});

const probes: {
  app: "customer" | "therapist-dashboard";
  method: string;
  path: string;
  who: () => Actor | null;
  json?: unknown;
}[] = [
  { app: "customer", method: "GET", path: "/api/therapists", who: () => null },
  { app: "customer", method: "GET", path: "/api/places", who: () => null },
  { app: "customer", method: "POST", path: "/api/session", who: () => null },
  { app: "customer", method: "GET", path: "/api/bookings/active", who: () => guest },
  { app: "customer", method: "POST", path: "/api/realtime/token", who: () => guest },
  { app: "therapist-dashboard", method: "GET", path: "/api/me", who: () => therapist },
  { app: "therapist-dashboard", method: "GET", path: "/api/offers", who: () => therapist },
  {
    app: "therapist-dashboard",
    method: "POST",
    path: "/api/auth/login",
    who: () => null,
    json: { login: DEMO_LOGINS.therapist.email, password: "not-the-password" },
  },
];

describe("finding 7: a frozen backend gives a quick, clear 503", () => {
  it("every route answers 503 with Retry-After within the deadline, and health says the backend is down", async () => {
    proxy.pause();
    try {
      const results = await Promise.all(
        probes.map(async (p) => {
          const started = Date.now();
          const res = await call(world, p.app, p.method, p.path, {
            as: p.who(),
            json: p.json ?? (p.method === "POST" ? {} : undefined),
            timeoutMs: ANSWER_WITHIN_MS + 5_000,
          }).catch((error: Error) => ({ status: 0, headers: {} as Record<string, string>, text: () => error.message }));
          return {
            probe: `${p.app} ${p.method} ${p.path}`,
            ms: Date.now() - started,
            status: res.status,
            retryAfter: res.headers["retry-after"],
            body: res.text().slice(0, 100),
          };
        }),
      );
      const wrong = results.filter((r) => r.status !== 503 || !r.retryAfter || r.ms > ANSWER_WITHIN_MS);
      expect(wrong).toEqual([]);

      for (const app of ["customer", "therapist-dashboard"] as const) {
        const health = await call(world, app, "GET", "/api/health", { timeoutMs: ANSWER_WITHIN_MS + 5_000 }).catch(
          (error: Error) => ({ status: 0, text: () => error.message }),
        );
        // "Down" as a 503, or a 200 whose body says the backend is down/degraded: the issue leaves the form open.
        const body = health.status > 0 ? health.text() : "";
        const saysDown = health.status === 503 || /"(ok)":\s*false|down|degraded/i.test(body);
        expect(saysDown, `${app} /api/health: ${health.status} ${body.slice(0, 120)}`).toBe(true);
      }
    } finally {
      proxy.resume();
    }
  });

  it("recovers once the backend answers again", async () => {
    const res = await call(world, "customer", "GET", "/api/therapists");
    expect(res.status).toBe(200);
    const health = await call(world, "customer", "GET", "/api/health");
    expect(health.status).toBe(200);
  });
});
