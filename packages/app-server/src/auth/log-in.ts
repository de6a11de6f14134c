import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import type { AccountRepository, CreatedSession } from "./account-repository";

export interface LabelledLogIn {
  accounts: Pick<AccountRepository, "createEmailPasswordSession" | "findUserById" | "deleteUserSession">;
  /** The label an account must carry to use the app (e.g. "admin", "therapist"). */
  requiredLabel: string;
  /**
   * Counts one attempt and throws rate_limited past the app's limits. Called before anything else, so every guess
   * counts, a wrong one, an unknown login and a right one alike.
   */
  throttle: () => Promise<void>;
}

/**
 * Signs a person in to an app: right credentials AND the app's label on their account. A valid account without
 * the label gets its new session revoked at once, so no usable session is left behind. `emailFor` finds the email
 * for what was typed (it may look it up, after the attempt is counted); null when there is none (e.g. an unknown
 * phone number): that answers like a wrong password.
 */
export async function logInWithLabel(
  { accounts, requiredLabel, throttle }: LabelledLogIn,
  emailFor: () => Promise<string | null>,
  password: string,
): Promise<CreatedSession> {
  await throttle();
  const email = await emailFor();
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
