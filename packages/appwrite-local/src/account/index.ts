// Account + Users: email/password and anonymous sessions, JWTs, and the server-side Users API (protocol §4).
// Returns the resolver that turns a request's cookies/headers into the calling user (protocol §1).
import type { Router } from "../http/router.ts";
import type { App } from "../app.ts";
import type { UserResolver } from "../auth/resolve-principal.ts";
import { getAccountService } from "./service.ts";
import { createUserResolver } from "./user-resolver.ts";
import { registerAccountRoutes } from "./account-routes.ts";
import { registerSessionRoutes } from "./session-routes.ts";
import { registerUsersRoutes } from "./users-routes.ts";

export { computeUserRoles, getAccountService } from "./service.ts";

export function registerAccount(router: Router, app: App): UserResolver {
  const service = getAccountService(app);
  registerAccountRoutes(router, app);
  registerSessionRoutes(router, app);
  registerUsersRoutes(router, app);
  return createUserResolver(service);
}
