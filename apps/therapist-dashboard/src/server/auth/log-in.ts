import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import type { LoginInput } from "@/lib/login-input";
import { findTherapistUserIdByWhatsapp } from "@/server/therapists/therapist-repository";
import { REQUIRED_LABEL } from "./auth-config";
import { createEmailPasswordSession, deleteUserSession, findUserById, type CreatedSession } from "./account-repository";

// One answer for unknown email, unknown phone and wrong password, so the form cannot be used to find out who has an
// account.
const invalidCredentials = () => new DomainError("unauthorized", "invalid credentials");

/**
 * The email to sign in with. A phone number is looked up in the therapists table (WhatsApp, stored in E.164) and
 * replaced by the linked user's email: Appwrite's password sessions are keyed by email.
 */
async function emailFor(input: LoginInput): Promise<string | null> {
  if (input.kind === "email") return input.email;
  const userId = await findTherapistUserIdByWhatsapp(input.phone);
  if (!userId) return null;
  const user = await findUserById(userId);
  return user?.email || null;
}

/**
 * Signs a person in to this app: right credentials AND the app's label on their account. A valid account without
 * the label gets its new session revoked at once, so no usable session is left behind.
 */
export async function logIn(input: LoginInput): Promise<CreatedSession> {
  const email = await emailFor(input);
  if (!email) throw invalidCredentials();
  const session = await createEmailPasswordSession(email, input.password);
  if (!session) throw invalidCredentials();

  const user = await findUserById(session.userId);
  if (!user?.labels.includes(REQUIRED_LABEL)) {
    await deleteUserSession(session.userId, session.id);
    throw new DomainError("forbidden", `account lacks the ${REQUIRED_LABEL} label`);
  }
  return session;
}
