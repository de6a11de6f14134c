import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import type { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createAppServer } from "./app-server";

const env = {
  APPWRITE_ENDPOINT: "http://127.0.0.1:9/v1",
  APPWRITE_PROJECT_ID: "p",
  APPWRITE_API_KEY: "k",
  APPWRITE_DATABASE_ID: "db",
  APPWRITE_TIMEOUT_MS: 1000,
  OFFER_WINDOW_SECONDS: 30,
};
const publicEnv = {
  NEXT_PUBLIC_APPWRITE_ENDPOINT: "https://realtime.example/v1",
  NEXT_PUBLIC_APPWRITE_PROJECT_ID: "p",
};

const dashboard = () =>
  createAppServer({
    env,
    publicEnv,
    auth: {
      label: "admin",
      cookie: "test_session",
      lifetime: SESSION_LIFETIMES.admin,
      loginSchema: z.object({ email: z.email(), password: z.string().min(1) }),
      identify: async ({ email }) => ({ email, login: email }),
    },
  });

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/auth/login", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  }) as unknown as NextRequest;

afterEach(() => vi.restoreAllMocks());

describe("createAppServer", () => {
  it("builds the booking engine's context once, from the app's env", () => {
    const app = createAppServer({ env, publicEnv });
    const ctx = app.bookingServer();
    expect(app.bookingServer()).toBe(ctx);
    expect(ctx.databaseId).toBe("db");
    expect(ctx.lifecycle.offerWindowMs).toBe(30_000);
  });

  it("holds one API-key client per process: the engine and the admin Account share it", () => {
    const app = createAppServer({ env, publicEnv });
    const ctx = app.bookingServer();
    expect(ctx.users.client).toBe(ctx.tablesDB.client);
    expect(ctx.storage.client).toBe(ctx.tablesDB.client);
    expect(app.adminAccount().client).toBe(ctx.tablesDB.client);
    // A session client never carries the key.
    expect(app.sessionClient("secret").account.client).not.toBe(ctx.tablesDB.client);
  });

  it("mints a realtime token with the running server's public endpoint and the database id", async () => {
    const app = createAppServer({ env, publicEnv });
    vi.spyOn(app.bookingServer().users, "createJWT").mockResolvedValue({ jwt: "jwt" });
    await expect(app.realtimeToken({ userId: "u1", sessionId: "s1" })).resolves.toMatchObject({
      jwt: "jwt",
      endpoint: "https://realtime.example/v1",
      projectId: "p",
      databaseId: "db",
    });
  });

  it("answers the dashboard's login route through the app's route handling (no-store, parsed input)", async () => {
    const app = dashboard();
    const response = await app.loginRoute(post('{"email":"not an email","password":"x"}'), undefined);
    expect(response.status).toBe(422);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const crossSite = await app.loginRoute(post("{}", { origin: "https://evil.example" }), undefined);
    expect(crossSite.status).toBe(403);
  });

  it("leaves sign-in out of an app without accounts (the customer site)", () => {
    expect("loginRoute" in createAppServer({ env, publicEnv })).toBe(false);
    expect("loginRoute" in dashboard()).toBe(true);
  });
});
