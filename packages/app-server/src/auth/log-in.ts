import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import type { AccountRepository, CreatedSession } from "./account-repository";

export interface LabelledLogIn {
  accounts: Pick<AccountRepository, "createEmailPasswordSession" | "findUserById" | "deleteUserSession">;
  /** The label an account must carry to use the app (e.g. "admin", "therapist"). */
  requiredLabel: string;
}

/**
 * Signs a person in to an app: right credentials AND the app's label on their account. A valid account without
 * the label gets its new session revoked at once, so no usable session is left behind. `email` is null when the
 * app could not find one for what was typed (e.g. an unknown phone number): that answers like a wrong password.
 */
export async function logInWithLabel(
  { accounts, requiredLabel }: LabelledLogIn,
  email: string | null,
  password: string,
): Promise<CreatedSession> {
  // One answer for an unknown login and a wrong password, so the form cannot be used to find out who has an account.
  const invalidCredentials = () => new DomainError("unauthorized", "invalid credentials");
  if (!email) throw invalidCredentials();
  const session = await accounts.createEmailPasswordSession(email, password);
  if (!session) throw invalidCredentials();

  const user = await accounts.findUserById(session.userId);
  if (!user?.labels.includes(requiredLabel)) {
    await accounts.deleteUserSession(session.userId, session.id);
    throw new DomainError("forbidden", `account lacks the ${requiredLabel} label`);
  }
  return session;
}
