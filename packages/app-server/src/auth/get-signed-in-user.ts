import "server-only";
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

  return { getSignedInUser, requireSignedInUser };
}
