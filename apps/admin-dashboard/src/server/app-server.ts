import "server-only";
// This app's server kit, built once from src/env.ts: route handling, path ids, the booking engine on the process's
// one API-key client, and sign-in for accounts labelled "admin" under their own cookie (so a browser can be signed
// in to both dashboards without one session standing in for the other). Route handlers and pages import from here.
import { createAppServer } from "@tenang/app-server/app-server";
import type { AccountUser } from "@tenang/app-server/auth/account-repository";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { env, publicEnv } from "@/env";
import { loginInputSchema } from "@/lib/login-input";

export const {
  handleRoute,
  requestLocale,
  readJson,
  pathId,
  localeRoute,
  bookingServer,
  getSignedInUser,
  requireSignedInUser,
  requireCaller,
  logIn,
  loginRoute,
  logoutRoute,
  renewActivity,
} = createAppServer({
  env,
  publicEnv,
  auth: {
    label: "admin",
    cookie: "tenang_admin_session",
    lifetime: SESSION_LIFETIMES.admin,
    loginSchema: loginInputSchema,
    // Staff sign in by email only: the attempt counts against the address typed.
    identify: async ({ email }) => ({ email, login: email }),
  },
});

/**
 * For route handlers: the caller must hold a valid session AND carry the `admin` label (checked on every request, so
 * removing the label in the console locks the person out at once). 401 without a valid session, 403 for anyone
 * else — a therapist's session included. Pages use requireSignedInUser, which redirects to /login instead.
 */
export async function requireAdmin(): Promise<AccountUser> {
  return (await requireCaller()).user;
}
