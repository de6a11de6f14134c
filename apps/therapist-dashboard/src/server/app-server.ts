import "server-only";
// This app's server kit, built once from src/env.ts: route handling, path ids, the booking engine on the process's
// one API-key client, and sign-in for accounts labelled "therapist" under their own cookie (so a browser can be
// signed in to both dashboards without one session standing in for the other). Route handlers and pages import from
// here.
import { createAppServer } from "@tenang/app-server/app-server";
import type { AccountUser } from "@tenang/app-server/auth/account-repository";
import { DomainError } from "@tenang/booking-core/errors";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import {
  findTherapistUserIdByWhatsapp,
  getTherapistForUser,
} from "@tenang/booking-server/therapists/therapist-repository";
import { env, publicEnv, pushSettings, whatsAppSettings } from "@/env";
import { loginInputSchema } from "@/lib/login-input";

export const {
  handleRoute,
  requestLocale,
  readJson,
  readOptionalJson,
  pathId,
  isAppwriteId,
  localeRoute,
  bookingServer,
  callerRealtimeToken,
  getSignedInUser,
  requireSignedInUser,
  requireCaller,
  logIn,
  loginRoute,
  logoutRoute,
  logoutEverywhereRoute,
} = createAppServer({
  env,
  publicEnv,
  push: pushSettings,
  whatsapp: whatsAppSettings,
  auth: {
    label: "therapist",
    cookie: "tenang_session",
    lifetime: SESSION_LIFETIMES.therapist,
    loginSchema: loginInputSchema,
    /**
     * A phone number is looked up in the therapists table (WhatsApp, stored in E.164) and replaced by the linked
     * user's email: Appwrite's password sessions are keyed by email. An unknown number answers like a wrong password.
     * The attempt counts against the account's email when there is one, so typing the number or the email draws on
     * one allowance rather than doubling it; else against what was typed (the number as normalised).
     */
    async identify(input, { ctx, accounts }) {
      if (input.kind === "email") return { email: input.email, login: input.email };
      const userId = await findTherapistUserIdByWhatsapp(ctx, input.phone);
      const email = userId ? (await accounts.findUserById(userId))?.email || null : null;
      return { email, login: email ?? input.phone };
    },
  },
});

export interface SignedInTherapist {
  user: AccountUser;
  /** The session secret (for calls made as the user, e.g. minting a realtime JWT). */
  secret: string;
  therapist: Therapist;
}

/**
 * For route handlers: the caller must hold a valid session, carry the `therapist` label, and be linked to a
 * therapist row (by userId). Every use case then acts on `therapist.id` from here, never on an id from the request.
 * 401 without a valid session, 403 for anyone else.
 */
export async function requireTherapist(): Promise<SignedInTherapist> {
  const { user, secret } = await requireCaller();
  const therapist = await getTherapistForUser(bookingServer(), user.id);
  if (!therapist) throw new DomainError("forbidden", "account is not linked to a therapist");
  return { user, secret, therapist };
}
