import "server-only";
import type { AccountUser } from "./account-repository";
import { requireCaller } from "./get-signed-in-user";

/**
 * For route handlers: the caller must hold a valid session AND carry the `admin` label (checked on every request, so
 * removing the label in the console locks the person out at once). 401 without a valid session, 403 for anyone
 * else — a therapist's session included. Pages use requireSignedInUser, which redirects to /login instead.
 */
export async function requireAdmin(): Promise<AccountUser> {
  return (await requireCaller()).user;
}
