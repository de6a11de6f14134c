import "server-only";
import { createSignedInUser } from "@tenang/app-server/auth/get-signed-in-user";
import { REQUIRED_LABEL } from "./auth-config";
import { findSessionUser } from "./account-repository";
import { readSessionSecret } from "./session-cookie";

export const { getSignedInUser, requireSignedInUser, requireCaller } = createSignedInUser({
  readSessionSecret,
  accounts: { findSessionUser },
  requiredLabel: REQUIRED_LABEL,
  loginPath: "/login",
});
