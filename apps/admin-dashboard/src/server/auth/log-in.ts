import "server-only";
import { logInWithLabel } from "@tenang/app-server/auth/log-in";
import type { LoginInput } from "@/lib/login-input";
import { REQUIRED_LABEL } from "./auth-config";
import * as accounts from "./account-repository";
import type { CreatedSession } from "./account-repository";

/** Signs a person in to this app: right credentials AND the admin label (see logInWithLabel). */
export async function logIn({ email, password }: LoginInput): Promise<CreatedSession> {
  return logInWithLabel({ accounts, requiredLabel: REQUIRED_LABEL }, email, password);
}
