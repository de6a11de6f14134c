import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { REQUIRED_LABEL } from "./auth-config";
import { findSessionUser, type AccountUser } from "./account-repository";
import { readSessionSecret } from "./session-cookie";

/**
 * The signed-in user if their session is valid and they may use this app; otherwise null. Cached per request,
 * so the layout and the page share one Appwrite call.
 */
export const getSignedInUser = cache(async (): Promise<AccountUser | null> => {
  const secret = await readSessionSecret();
  if (!secret) return null;
  const user = await findSessionUser(secret);
  // The label is checked on every request, not only at sign-in: removing it in the console locks the person out.
  return user?.labels.includes(REQUIRED_LABEL) ? user : null;
});

/** For protected pages: the signed-in user, or a redirect to /login. */
export async function requireSignedInUser(): Promise<AccountUser> {
  const user = await getSignedInUser();
  if (!user) redirect("/login");
  return user;
}
