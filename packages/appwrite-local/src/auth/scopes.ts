// Scopes per kind of caller (Appwrite app/config/roles.php): guests lack `account`; session users lack
// `databases.*`, `tables.*`, `users.*`, `buckets.*`; the project API key has every scope.
import type { Principal } from "../principal.ts";
import { AppwriteError } from "../errors.ts";

const GUEST_SCOPES = new Set([
  "global",
  "public",
  "home",
  "console",
  "graphql",
  "sessions.write",
  "documents.read",
  "documents.write",
  "rows.read",
  "rows.write",
  "embeddings.write",
  "files.read",
  "files.write",
  "locale.read",
  "avatars.read",
  "executions.write",
]);

const USER_SCOPES = new Set([
  "global",
  "public",
  "home",
  "console",
  "graphql",
  "sessions.write",
  "account",
  "teams.read",
  "teams.write",
  "presences.read",
  "presences.write",
  "documents.read",
  "documents.write",
  "rows.read",
  "rows.write",
  "embeddings.write",
  "files.read",
  "files.write",
  "projects.read",
  "locale.read",
  "avatars.read",
  "executions.read",
  "executions.write",
  "targets.read",
  "targets.write",
  "subscribers.write",
  "subscribers.read",
  "assistant.read",
  "rules.read",
]);

export function hasScope(principal: Principal, scope: string): boolean {
  if (principal.kind === "key") return true;
  return (principal.kind === "guest" ? GUEST_SCOPES : USER_SCOPES).has(scope);
}

/**
 * 401 general_unauthorized_scope, worded like Appwrite: `<email or "User"> (role: guests|users) missing scopes (["x"])`.
 * `identity` is the user's email ("" for anonymous users), or undefined for guests.
 */
export function scopeError(principal: Principal, scope: string, identity: string | undefined): AppwriteError {
  const role = principal.kind === "guest" ? "guests" : principal.kind === "user" ? "users" : "applications";
  return new AppwriteError(
    401,
    "general_unauthorized_scope",
    `${identity ?? "User"} (role: ${role}) missing scopes (${JSON.stringify([scope])})`,
  );
}
