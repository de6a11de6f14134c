import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import type { LoginInput } from "@/lib/login-input";
import { REQUIRED_LABEL } from "./auth-config";
import { createEmailPasswordSession, deleteUserSession, findUserById, type CreatedSession } from "./account-repository";

/**
 * Signs a person in to this app: right credentials AND the app's label on their account. A valid account without
 * the label gets its new session revoked at once, so no usable session is left behind.
 */
export async function logIn({ email, password }: LoginInput): Promise<CreatedSession> {
  const session = await createEmailPasswordSession(email, password);
  // One answer for unknown email and wrong password, so the form cannot be used to find out who has an account.
  if (!session) throw new DomainError("unauthorized", "invalid credentials");

  const user = await findUserById(session.userId);
  if (!user?.labels.includes(REQUIRED_LABEL)) {
    await deleteUserSession(session.userId, session.id);
    throw new DomainError("forbidden", `account lacks the ${REQUIRED_LABEL} label`);
  }
  return session;
}
