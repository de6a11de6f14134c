import "server-only";
import { createSignedInUser } from "@tenang/app-server/auth/get-signed-in-user";
import { REQUIRED_LABEL, SESSION_LIFETIME, sessionStamps } from "./auth-config";
import { deleteUserSession, findCurrentSession, findSessionUser } from "./account-repository";
import { readSessionSecret, sessionCookie } from "./session-cookie";

export const { getSignedInUser, requireSignedInUser, requireCaller } = createSignedInUser({
  readSessionSecret,
  accounts: { findSessionUser, findCurrentSession, deleteUserSession },
  requiredLabel: REQUIRED_LABEL,
  loginPath: "/login",
  lifetime: SESSION_LIFETIME,
  stamps: sessionStamps,
  cookies: sessionCookie,
});
