import "server-only";
import { logOutSession } from "@tenang/app-server/auth/log-out";
import * as accounts from "./account-repository";

/** Ends the session behind the cookie, or with `everywhere` every session of that user (see logOutSession). */
export async function logOut(
  secret: string | null,
  options: { everywhere?: boolean } = {},
): Promise<{ revoked: boolean }> {
  return logOutSession(accounts, secret, options);
}
