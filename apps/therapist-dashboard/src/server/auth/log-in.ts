import "server-only";
import { logInWithLabel } from "@tenang/app-server/auth/log-in";
import { countSignInAttempt } from "@tenang/booking-server/shared/sign-in-throttle";
import { findTherapistUserIdByWhatsapp } from "@tenang/booking-server/therapists/therapist-repository";
import type { LoginInput } from "@/lib/login-input";
import { bookingContext } from "@/server/booking/booking-context";
import { REQUIRED_LABEL } from "./auth-config";
import * as accounts from "./account-repository";
import type { CreatedSession } from "./account-repository";

/**
 * The email to sign in with. A phone number is looked up in the therapists table (WhatsApp, stored in E.164) and
 * replaced by the linked user's email: Appwrite's password sessions are keyed by email.
 */
async function emailFor(input: LoginInput): Promise<string | null> {
  if (input.kind === "email") return input.email;
  const userId = await findTherapistUserIdByWhatsapp(bookingContext(), input.phone);
  if (!userId) return null;
  const user = await accounts.findUserById(userId);
  return user?.email || null;
}

/**
 * Signs a person in to this app: right credentials AND the therapist label (see logInWithLabel). An unknown phone
 * answers exactly like a wrong password. Attempts are throttled per account and client IP (booking-core
 * attemptLimits): a number is resolved to its account's email first, so typing the number or the email draws on one
 * allowance rather than doubling it.
 */
export async function logIn(input: LoginInput, ip: string): Promise<CreatedSession> {
  const email = await emailFor(input);
  const login = email ?? (input.kind === "email" ? input.email : input.phone);
  const throttle = () => countSignInAttempt(bookingContext(), { login, ip });
  return logInWithLabel({ accounts, requiredLabel: REQUIRED_LABEL, throttle }, async () => email, input.password);
}
