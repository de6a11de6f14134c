import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { AccountRepository, AccountUser } from "./account-repository";

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

export function createSignedInUser(config: {
  readSessionSecret: () => Promise<string | null>;
  accounts: Pick<AccountRepository, "findSessionUser">;
  requiredLabel: string;
  loginPath?: string;
}): SignedInUser {
  const { readSessionSecret, accounts, requiredLabel, loginPath = "/login" } = config;
  const getSignedInUser = cache(async (): Promise<AccountUser | null> => {
    const secret = await readSessionSecret();
    if (!secret) return null;
    const user = await accounts.findSessionUser(secret);
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
    const user = await accounts.findSessionUser(secret);
    if (!user) throw new DomainError("unauthorized", "session expired or revoked");
    if (!user.labels.includes(requiredLabel))
      throw new DomainError("forbidden", `account lacks the ${requiredLabel} label`);
    return { user, secret };
  }

  return { getSignedInUser, requireSignedInUser, requireCaller };
}
