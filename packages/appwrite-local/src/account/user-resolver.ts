// Who the request's user is (protocol §1 "How the server resolves the user", Appwrite app/init/resources/request.php):
// cookie `a_session_<pid>` (else its `_legacy` twin), else the `X-Appwrite-Session` header, else the
// `X-Fallback-Cookies` JSON header; then the JWT. An unverifiable session is simply a guest; a JWT together with a
// valid session is 403; a bad JWT is 401; a JWT whose session was deleted is a guest.
import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "../principal.ts";
import type { UserResolver } from "../auth/resolve-principal.ts";
import { AppwriteError } from "../errors.ts";
import { parseCookies } from "../auth/cookies.ts";
import { parseJsonRefusingForbiddenKeys } from "../http/safe-keys.ts";
import { JwtError } from "../auth/jwt.ts";
import { rolesForUser } from "../auth/roles.ts";
import type { AccountService } from "./service.ts";
import type { UserRecord } from "./user-repo.ts";

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The encoded session secret a request (or WebSocket handshake) carries, in Appwrite's precedence order. */
export function sessionSecretFrom(headers: IncomingHttpHeaders, projectId: string): string | undefined {
  const key = `a_session_${projectId}`;
  const cookies = parseCookies(headers.cookie);
  const fromCookie = cookies[key] ?? cookies[`${key}_legacy`];
  if (fromCookie) return fromCookie;
  const fromHeader = header(headers, "x-appwrite-session");
  if (fromHeader) return fromHeader;
  const fallback = header(headers, "x-fallback-cookies");
  if (!fallback) return undefined;
  try {
    const parsed: unknown = parseJsonRefusingForbiddenKeys(fallback, "X-Fallback-Cookies header");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      const v = (parsed as Record<string, unknown>)[key];
      return typeof v === "string" ? v : undefined;
    }
  } catch (err) {
    if (err instanceof AppwriteError) throw err;
    // A malformed fallback header is ignored, as Appwrite's json_decode would yield null.
  }
  return undefined;
}

export interface ResolvedUser {
  user: UserRecord;
  sessionId: string | null;
  via: "session" | "jwt";
}

/** Resolves the user from a session secret and/or a JWT; throws the Appwrite errors for the JWT cases. */
export function resolveUser(
  service: AccountService,
  secret: string | undefined,
  jwt: string | undefined,
): ResolvedUser | null {
  const bySession = secret ? service.authenticateSecret(secret) : null;
  let resolved: ResolvedUser | null = bySession
    ? { user: bySession.user, sessionId: bySession.session.id, via: "session" }
    : null;
  if (jwt) {
    if (resolved) {
      throw new AppwriteError(
        403,
        "user_jwt_and_cookie_set",
        "JWT and cookie used in the same request. Use either `setJWT` or `setCookie`. Learn about which authentication method to use in the SSR docs: https://appwrite.io/docs/products/auth/server-side-rendering",
      );
    }
    try {
      const byJwt = service.authenticateJwt(jwt);
      resolved = byJwt ? { user: byJwt.user, sessionId: byJwt.sessionId || null, via: "jwt" } : null;
    } catch (err) {
      if (err instanceof JwtError)
        throw new AppwriteError(401, "user_jwt_invalid", `Failed to verify JWT. ${err.message}`);
      throw err;
    }
  }
  return resolved;
}

export function userPrincipal(resolved: ResolvedUser): Principal {
  return {
    kind: "user",
    userId: resolved.user.id,
    sessionId: resolved.sessionId,
    via: resolved.via,
    roles: rolesForUser(resolved.user),
  };
}

export function createUserResolver(service: AccountService): UserResolver {
  return (headers, projectId) => {
    const resolved = resolveUser(service, sessionSecretFrom(headers, projectId), header(headers, "x-appwrite-jwt"));
    if (!resolved) return null;
    if (!resolved.user.status) throw new AppwriteError(403, "user_blocked", "The current user has been blocked.");
    return userPrincipal(resolved);
  };
}
