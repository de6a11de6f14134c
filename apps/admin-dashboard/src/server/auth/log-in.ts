import "server-only";
import { logInWithLabel } from "@tenang/app-server/auth/log-in";
import { countSignInAttempt } from "@tenang/booking-server/shared/sign-in-throttle";
import type { LoginInput } from "@/lib/login-input";
import { bookingContext } from "@/server/booking/booking-context";
import { REQUIRED_LABEL } from "./auth-config";
import * as accounts from "./account-repository";
import type { CreatedSession } from "./account-repository";

/** Signs a person in to this app: right credentials AND the admin label (see logInWithLabel), throttled per login and IP. */
export async function logIn({ email, password }: LoginInput, ip: string): Promise<CreatedSession> {
  const throttle = () => countSignInAttempt(bookingContext(), { login: email, ip });
  return logInWithLabel({ accounts, requiredLabel: REQUIRED_LABEL, throttle }, async () => email, password);
}
