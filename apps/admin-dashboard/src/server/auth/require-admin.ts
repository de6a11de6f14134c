import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { REQUIRED_LABEL } from "./auth-config";
import { findSessionUser, type AccountUser } from "./account-repository";
import { readSessionSecret } from "./session-cookie";

/**
 * For route handlers: the caller must hold a valid session AND carry the `admin` label (checked on every request, so
 * removing the label in the console locks the person out at once). 401 without a valid session, 403 for anyone
 * else — a therapist's session included. Pages use requireSignedInUser, which redirects to /login instead.
 */
export async function requireAdmin(): Promise<AccountUser> {
  const secret = await readSessionSecret();
  if (!secret) throw new DomainError("unauthorized", "no session");
  const user = await findSessionUser(secret);
  if (!user) throw new DomainError("unauthorized", "session expired or revoked");
  if (!user.labels.includes(REQUIRED_LABEL))
    throw new DomainError("forbidden", `account lacks the ${REQUIRED_LABEL} label`);
  return user;
}
