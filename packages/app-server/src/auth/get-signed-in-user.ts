import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { AccountRepository, AccountUser } from "./account-repository";
import type { SessionCookie } from "./session-cookie";
import { enforceSessionLifetime } from "./enforce-session-lifetime";
import type { SessionLifetime, StampSigner } from "./session-lifetime";

export interface SignedInUser {
  /**
   * The signed-in user if their session is valid and they may use this app; otherwise null. Cached per request,
   * so the layout and the page share one Appwrite call.
   */
  getSignedInUser(): Promise<AccountUser | null>;
  /** For protected pages: the signed-in user, or a redirect to the sign-in page. */
  requireSignedInUser(): Promise<AccountUser>;
  /**
   * For route handlers: the caller and their session secret (for calls made as them), or 401 without a valid session
   * and 403 for an account without the app's label. Checked on every request.
   */
  requireCaller(): Promise<{ user: AccountUser; secret: string }>;
}

export interface SignedInUserConfig {
  readSessionSecret: () => Promise<string | null>;
  accounts: Pick<AccountRepository, "findSessionUser" | "findCurrentSession" | "deleteUserSession">;
  requiredLabel: string;
  loginPath?: string;
  /** The role's session limits (booking-core's SESSION_LIFETIMES), enforced here on every request. */
  lifetime: SessionLifetime;
  /** Signs and reads the activity stamp (createStampSigner with a server-only secret). */
  stamps: StampSigner;
  cookies: Pick<SessionCookie, "readActivityStamp" | "renewSessionCookies" | "clearSessionCookies">;
  clock?: () => Date;
}

export function createSignedInUser(config: SignedInUserConfig): SignedInUser {
  const { readSessionSecret, accounts, requiredLabel, loginPath = "/login", lifetime, stamps } = config;
  const clock = config.clock ?? (() => new Date());

  /**
   * The session's user if the session is alive under this role's limits. A session past them is deleted in Appwrite
   * with the API key (so it also stops working for Realtime and anything else holding it) and its cookies cleared;
   * a live one has its cookies renewed. Appwrite's own expiry still applies underneath.
   */
  async function liveSessionUser(secret: string): Promise<AccountUser | null> {
    const session = await accounts.findCurrentSession(secret);
    if (!session) return null;
    const alive = await enforceSessionLifetime(secret, session, {
      lifetime,
      stamps,
      cookies: config.cookies,
      deleteSession: accounts.deleteUserSession,
      now: clock(),
    });
    return alive ? accounts.findSessionUser(secret) : null;
  }

  const getSignedInUser = cache(async (): Promise<AccountUser | null> => {
    const secret = await readSessionSecret();
    if (!secret) return null;
    const user = await liveSessionUser(secret);
    // The label is checked on every request, not only at sign-in: removing it in the console locks the person out.
    return user?.labels.includes(requiredLabel) ? user : null;
  });

  async function requireSignedInUser(): Promise<AccountUser> {
    const user = await getSignedInUser();
    if (!user) redirect(loginPath);
    return user;
  }

  async function requireCaller(): Promise<{ user: AccountUser; secret: string }> {
    const secret = await readSessionSecret();
    if (!secret) throw new DomainError("unauthorized", "no session");
    const user = await liveSessionUser(secret);
    if (!user) throw new DomainError("unauthorized", "session expired, idle too long, or revoked");
    if (!user.labels.includes(requiredLabel))
      throw new DomainError("forbidden", `account lacks the ${requiredLabel} label`);
    return { user, secret };
  }

  return { getSignedInUser, requireSignedInUser, requireCaller };
}
