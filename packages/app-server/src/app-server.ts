import "server-only";
// The one kit an app builds its server side from: apps/<app>/src/server/app-server.ts calls createAppServer once with
// its parsed env, and its route handlers and pages take everything from there — the route wrapper with the app's
// defaults, path ids, the booking engine's context, per-request session clients, the realtime token, and for the
// dashboards sign-in, sign-out and the signed-in checks, for the customer site the guest check.
//
// One API-key Appwrite client per process: built on first use, with the deadline of every call, and shared by the
// booking engine and the account repository. Session clients (a person's own secret) are made per request, only
// where Appwrite must act as that person (their session, their prefs).
import { DomainError } from "@tenang/booking-core/errors";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, parseLocaleCookie } from "@tenang/booking-core/locale";
import {
  createBookingServerContext,
  type BookingServerContext,
  type PushSettings,
  type WhatsAppSettings,
} from "@tenang/booking-server/context";
import { mintRealtimeToken } from "@tenang/booking-server/realtime/mint-realtime-token";
import { Account, type Client } from "node-appwrite";
import { createAdminClient } from "./appwrite/admin-client";
import { createSessionServices, type SessionServices } from "./appwrite/session-client";
import { createDashboardAuth, type DashboardAuth, type DashboardAuthConfig } from "./auth/dashboard-auth";
import { createGuestAuth, type GuestAuth, type GuestAuthConfig } from "./auth/guest-auth";
import type { PublicEnv } from "./env";
import { createRouteHandling, readJson, readOptionalJson, type RouteHandling } from "./http/handle-route";
import { createLocaleRoute } from "./http/locale-route";
import { isAppwriteId, pathId } from "./http/path-id";

/** The parsed variables the kit reads (each app's src/env.ts output has at least these). */
export interface AppServerEnv {
  APPWRITE_ENDPOINT: string;
  APPWRITE_PROJECT_ID: string;
  APPWRITE_API_KEY: string;
  APPWRITE_DATABASE_ID: string;
  APPWRITE_TIMEOUT_MS: number;
  /** How long a therapist has to answer an offer; booking-core's default when unset. */
  OFFER_WINDOW_SECONDS?: number;
}

export interface AppServerConfig {
  env: AppServerEnv;
  publicEnv: PublicEnv;
  /** Error codes whose reason the app shows (see RouteHandlingOptions.codesWithReason); none by default. */
  codesWithReason?: readonly string[];
  /** Web Push and WhatsApp settings (push-env.ts): the changes this app makes notify people; absent = off. */
  push?: PushSettings | undefined;
  whatsapp?: WhatsAppSettings | undefined;
}

/** What the browser's Realtime socket needs: a short-lived JWT and where to connect (the running server's values). */
export interface RealtimeToken {
  jwt: string;
  expiresAt: string;
  endpoint: string;
  projectId: string;
  databaseId: string;
}

export interface AppServer extends RouteHandling {
  readJson: typeof readJson;
  readOptionalJson: typeof readOptionalJson;
  /** An id from the URL path, refused (400, or 404 with "not_found") when it cannot be an Appwrite id. */
  pathId: typeof pathId;
  isAppwriteId: typeof isAppwriteId;
  /** POST /api/locale: the reader's language choice, in this app's route handling. */
  localeRoute: ReturnType<typeof createLocaleRoute>;
  /** The booking engine's context: built once per process, on the process's one API-key client. */
  bookingServer(): BookingServerContext;
  /** Account with the API key: creates sessions for a user and returns their secret (what sign-in uses). */
  adminAccount(): Account;
  /** A client acting as the holder of `secret` (their session, their prefs), never the API key. */
  sessionClient(secret: string): SessionServices;
  /** A Realtime JWT tied to the caller's own session (signing out ends it), and where the socket goes. */
  realtimeToken(args: { userId: string; sessionId: string }): Promise<RealtimeToken>;
}

/** The kit of an app whose people sign in with a labelled account (the dashboards). */
export interface DashboardAppServer<Input> extends AppServer, DashboardAuth<Input> {
  /** realtimeToken for a caller from requireCaller: tied to the session their cookie holds (401 once it ended). */
  callerRealtimeToken(caller: { user: { id: string }; secret: string }): Promise<RealtimeToken>;
}

/** The kit of an app whose callers are guests: anonymous sessions (the customer site). */
export type GuestAppServer = AppServer & GuestAuth;

export function createAppServer<Input extends { password: string }>(
  config: AppServerConfig & { auth: DashboardAuthConfig<Input> },
): DashboardAppServer<Input>;
export function createAppServer(config: AppServerConfig & { guests: GuestAuthConfig }): GuestAppServer;
export function createAppServer(config: AppServerConfig): AppServer;
export function createAppServer<Input extends { password: string }>(
  config: AppServerConfig & { auth?: DashboardAuthConfig<Input>; guests?: GuestAuthConfig },
): AppServer | DashboardAppServer<Input> | GuestAppServer {
  const { env, publicEnv } = config;
  // Errors are worded in the language the reader chose (the locale cookie), else their browser's.
  const routes = createRouteHandling({
    codesWithReason: config.codesWithReason ?? [],
    localeCookie: { name: LOCALE_COOKIE, parse: parseLocaleCookie },
  });

  let client: Client | undefined;
  const adminClient = (): Client =>
    (client ??= createAdminClient({
      endpoint: env.APPWRITE_ENDPOINT,
      projectId: env.APPWRITE_PROJECT_ID,
      apiKey: env.APPWRITE_API_KEY,
      timeoutMs: env.APPWRITE_TIMEOUT_MS,
    }));

  let context: BookingServerContext | undefined;
  const bookingServer = (): BookingServerContext =>
    (context ??= createBookingServerContext({
      endpoint: env.APPWRITE_ENDPOINT,
      projectId: env.APPWRITE_PROJECT_ID,
      apiKey: env.APPWRITE_API_KEY,
      databaseId: env.APPWRITE_DATABASE_ID,
      // The same client (and so the same deadline, issue 9 finding 7) as everything else this process does.
      client: adminClient(),
      offerWindowSeconds: env.OFFER_WINDOW_SECONDS,
      push: config.push,
      whatsapp: config.whatsapp,
    }));

  const sessionClient = (secret: string): SessionServices =>
    createSessionServices(
      { endpoint: env.APPWRITE_ENDPOINT, projectId: env.APPWRITE_PROJECT_ID, timeoutMs: env.APPWRITE_TIMEOUT_MS },
      secret,
    );

  const app: AppServer = {
    ...routes,
    readJson,
    readOptionalJson,
    pathId,
    isAppwriteId,
    localeRoute: createLocaleRoute(routes, { name: LOCALE_COOKIE, maxAge: LOCALE_COOKIE_MAX_AGE }),
    bookingServer,
    adminAccount: () => new Account(adminClient()),
    sessionClient,
    async realtimeToken(args) {
      const ctx = bookingServer();
      const { jwt, expiresAt } = await mintRealtimeToken(ctx, args);
      return {
        jwt,
        expiresAt,
        endpoint: publicEnv.NEXT_PUBLIC_APPWRITE_ENDPOINT,
        projectId: publicEnv.NEXT_PUBLIC_APPWRITE_PROJECT_ID,
        databaseId: ctx.databaseId,
      };
    },
  };
  if (config.guests) {
    const guests = createGuestAuth(config.guests, {
      bookingServer,
      session: sessionClient,
      stampSecret: env.APPWRITE_API_KEY,
    });
    return { ...app, ...guests };
  }
  if (!config.auth) return app;
  const auth = createDashboardAuth(config.auth, {
    routes,
    bookingServer,
    adminClient,
    session: sessionClient,
    stampSecret: env.APPWRITE_API_KEY,
  });
  return {
    ...app,
    ...auth,
    async callerRealtimeToken({ user, secret }) {
      const sessionId = await auth.accounts.findCurrentSessionId(secret);
      if (!sessionId) throw new DomainError("unauthorized", "session expired or revoked");
      return app.realtimeToken({ userId: user.id, sessionId });
    },
  };
}
