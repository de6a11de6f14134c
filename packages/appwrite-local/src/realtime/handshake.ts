// Who a new realtime connection is (Appwrite app/init/realtime/connection.php): the session from the cookie,
// `X-Appwrite-Session` or fallback-cookie header, or a JWT from the `x-appwrite-jwt` header or `jwt` query
// parameter (the web SDK's `setJWT`), with the same errors as REST.
import type { IncomingMessage } from "node:http";
import type { AccountService } from "../account/service.ts";
import { resolveUser, sessionSecretFrom, type ResolvedUser } from "../account/user-resolver.ts";
import { AppwriteError } from "../errors.ts";

/** The user and the session (own, or the one a JWT was minted from) the connection is bound to, or null (guest). */
export function authenticateHandshake(
  accounts: AccountService,
  req: IncomingMessage,
  url: URL,
  projectId: string,
): ResolvedUser | null {
  const header = req.headers["x-appwrite-jwt"];
  const jwt = (typeof header === "string" && header) || url.searchParams.get("jwt") || undefined;
  const resolved = resolveUser(accounts, sessionSecretFrom(req.headers, projectId), jwt);
  if (resolved && !resolved.user.status)
    throw new AppwriteError(403, "user_blocked", "The current user has been blocked.");
  return resolved;
}
