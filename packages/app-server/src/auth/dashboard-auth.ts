import "server-only";
// Sign-in for an app whose people have accounts with a label (the admin and therapist dashboards): the account
// repository, the session cookie, the signed-in checks for pages and routes, and the login/logout route handlers,
// built once from the app's label, cookie name and session lifetime. The two dashboards differ only in those and in
// how a typed login becomes an email (the therapist may type a WhatsApp number).
import { parseOrThrow } from "@tenang/booking-core/validation";
import type { BookingServerContext } from "@tenang/booking-server/context";
import { countSignInAttempt } from "@tenang/booking-server/shared/sign-in-throttle";
import type { Client } from "node-appwrite";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { SessionServices } from "../appwrite/session-client";
import { clientIp } from "../http/client-ip";
import { readJson, type RouteHandling } from "../http/handle-route";
import { createAccountRepository, type AccountRepository, type CreatedSession } from "./account-repository";
import { renewActivityOnPageLoad } from "./activity-proxy";
import { createSignedInUser, type SignedInUser } from "./get-signed-in-user";
import { logInWithLabel } from "./log-in";
import { logOutSession } from "./log-out";
import { createSessionCookie, type SessionCookie } from "./session-cookie";
import { createStampSigner, type SessionLifetime } from "./session-lifetime";

/** Who a typed login is: the email to try (null: nobody — answered like a wrong password) and what the throttle counts. */
export interface LoginIdentity {
  email: string | null;
  login: string;
}

export interface DashboardAuthConfig<Input extends { password: string }> {
  /** The label an account must carry to use the app ("admin", "therapist"), checked at sign-in and on every request. */
  label: string;
  /** The app's own session cookie, so a browser signed in to two apps never has one session stand in for another. */
  cookie: string;
  /** The role's session limits (booking-core's SESSION_LIFETIMES). */
  lifetime: SessionLifetime;
  loginPath?: string;
  /** The sign-in form's schema: the form and POST /api/auth/login parse with the same one. */
  loginSchema: z.ZodType<Input>;
  /**
   * The email behind what was typed, and the login the attempt is counted against. Runs before the attempt is
   * counted, so a number and its account's email draw on one allowance.
   */
  identify(input: Input, kit: { ctx: BookingServerContext; accounts: AccountRepository }): Promise<LoginIdentity>;
}

type RouteHandler = (request: NextRequest, context: unknown) => Promise<Response>;

export interface DashboardAuth<Input> extends SignedInUser {
  accounts: AccountRepository;
  sessionCookie: SessionCookie;
  /** Signs a person in: right credentials AND the app's label (see logInWithLabel), throttled per login and IP. */
  logIn(input: Input, ip: string): Promise<CreatedSession>;
  /** Ends the session behind the cookie, or with `everywhere` every session of its user (see logOutSession). */
  logOut(secret: string | null, options?: { everywhere?: boolean }): Promise<{ revoked: boolean }>;
  /** POST /api/auth/login: parse, sign in, set the session cookie. */
  loginRoute: RouteHandler;
  /** POST /api/auth/logout: end this browser's session and forget its cookie (a no-op when signed out). */
  logoutRoute: RouteHandler;
  /** POST /api/auth/logout-everywhere: end every session of the signed-in user, and forget this cookie. */
  logoutEverywhereRoute: RouteHandler;
  /** For the app's proxy.ts: renews the session cookies on a page load (see activity-proxy). */
  renewActivity(request: NextRequest, response: NextResponse): void;
}

export interface DashboardAuthDeps {
  routes: Pick<RouteHandling, "handleRoute" | "requestLocale">;
  bookingServer: () => BookingServerContext;
  adminClient: () => Client;
  session: (secret: string) => SessionServices;
  /** The activity stamp is signed with a key derived from this: the one secret the server already holds (API key). */
  stampSecret: string;
}

export function createDashboardAuth<Input extends { password: string }>(
  config: DashboardAuthConfig<Input>,
  deps: DashboardAuthDeps,
): DashboardAuth<Input> {
  const { label, cookie, lifetime, loginPath = "/login" } = config;
  const { handleRoute, requestLocale } = deps.routes;
  const stamps = createStampSigner(deps.stampSecret);
  const accounts = createAccountRepository({ adminClient: deps.adminClient, session: deps.session });
  const sessionCookie = createSessionCookie(cookie, { lifetime, stamps });
  const signedIn = createSignedInUser({
    readSessionSecret: sessionCookie.readSessionSecret,
    accounts,
    requiredLabel: label,
    loginPath,
    lifetime,
    stamps,
    cookies: sessionCookie,
  });

  async function logIn(input: Input, ip: string): Promise<CreatedSession> {
    const ctx = deps.bookingServer();
    const { email, login } = await config.identify(input, { ctx, accounts });
    const throttle = () => countSignInAttempt(ctx, { login, ip });
    return logInWithLabel({ accounts, requiredLabel: label, throttle }, async () => email, input.password);
  }

  const logOut = (secret: string | null, options: { everywhere?: boolean } = {}) =>
    logOutSession(accounts, secret, options);

  const logoutRoute = (everywhere: boolean): RouteHandler =>
    handleRoute(async (request) => {
      await logOut(await sessionCookie.readSessionSecret(), { everywhere });
      const response = NextResponse.json({ ok: true });
      sessionCookie.clearSessionCookie(response, request);
      return response;
    });

  return {
    ...signedIn,
    accounts,
    sessionCookie,
    logIn,
    logOut,
    loginRoute: handleRoute(async (request) => {
      const input = parseOrThrow(config.loginSchema, await readJson(request), requestLocale(request));
      const session = await logIn(input, clientIp(request));
      const response = NextResponse.json({ ok: true });
      sessionCookie.setSessionCookie(response, request, session.secret, session.expiresAt);
      return response;
    }),
    logoutRoute: logoutRoute(false),
    logoutEverywhereRoute: logoutRoute(true),
    renewActivity: (request, response) =>
      renewActivityOnPageLoad(request, response, { cookieName: cookie, lifetime, stamps }),
  };
}
