// Who a new realtime connection is (Appwrite app/init/realtime/connection.php): the session from the cookie,
// `X-Appwrite-Session` or fallback-cookie header, or a JWT from the `x-appwrite-jwt` header or `jwt` query
// parameter (the web SDK's `setJWT`), with the same errors as REST.
import type { IncomingMessage } from "node:http";
import type { AccountService } from "../account/service.ts";
import { resolveUser, sessionSecretFrom } from "../account/user-resolver.ts";
import type { UserRecord } from "../account/user-repo.ts";

export function authenticateHandshake(accounts: AccountService, req: IncomingMessage, url: URL, projectId: string): UserRecord | null {
  const header = req.headers["x-appwrite-jwt"];
  const jwt = (typeof header === "string" && header) || url.searchParams.get("jwt") || undefined;
  return resolveUser(accounts, sessionSecretFrom(req.headers, projectId), jwt)?.user ?? null;
}

