// Route guard: throws 401 general_unauthorized_scope unless the caller's kind carries `scope`.
import type { RequestContext } from "../http/router.ts";
import { getAccountService } from "../account/service.ts";
import { hasScope, scopeError } from "./scopes.ts";

export function requireScope(ctx: RequestContext, scope: string): void {
  const { principal } = ctx;
  if (hasScope(principal, scope)) return;
  // Appwrite names the user by email in the message; only looked up on this (rare) error path.
  const identity =
    principal.kind === "user" ? (getAccountService(ctx.app).users.get(principal.userId)?.email ?? "") : undefined;
  throw scopeError(principal, scope, identity);
}
