// Preconditions shared by the account routes.
import type { RequestContext } from "../http/router.ts";
import { AppwriteError } from "../errors.ts";
import { requireScope } from "../auth/require-scope.ts";
import type { AccountService } from "./service.ts";
import type { UserRecord } from "./user-repo.ts";

export function userNotFound(): AppwriteError {
  return new AppwriteError(404, "user_not_found", "User with the requested ID could not be found.");
}

export function sessionNotFound(): AppwriteError {
  return new AppwriteError(404, "user_session_not_found", "The current user session could not be found.");
}

/** `account`-scoped routes act on the calling user; an API key has no user, so Appwrite answers 404. */
export function requireAccountUser(ctx: RequestContext, service: AccountService): UserRecord {
  requireScope(ctx, "account");
  const p = ctx.principal;
  if (p.kind !== "user") throw userNotFound();
  const user = service.users.get(p.userId);
  if (!user) throw userNotFound();
  return user;
}

/** The session the request authenticated with (a JWT request has none it can prove). */
export function currentSessionId(ctx: RequestContext): string | null {
  const p = ctx.principal;
  return p.kind === "user" && p.via === "session" ? p.sessionId : null;
}

/** Appwrite's `session` route group: no creating a session while already signed in (API keys are exempt). */
export function assertNoActiveSession(ctx: RequestContext): void {
  if (ctx.principal.kind === "user") {
    throw new AppwriteError(
      401,
      "user_session_already_exists",
      "Creation of a session is prohibited when a session is active.",
    );
  }
}

export function userAgent(ctx: RequestContext): string {
  const forwarded = ctx.headers["x-forwarded-user-agent"];
  const ua = typeof forwarded === "string" && forwarded ? forwarded : ctx.headers["user-agent"];
  return typeof ua === "string" ? ua : "UNKNOWN";
}
