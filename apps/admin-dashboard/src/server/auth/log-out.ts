import "server-only";
import { logOutSession } from "@tenang/app-server/auth/log-out";
import * as accounts from "./account-repository";

/** Ends the session behind the cookie (see logOutSession: signing out twice, or with no session, is fine). */
export async function logOut(secret: string | null): Promise<{ revoked: boolean }> {
  return logOutSession(accounts, secret);
}
