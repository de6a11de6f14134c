// HS256 JSON Web Tokens, as Appwrite issues them for `account.createJWT` / `users.createJWT`:
// payload {userId, sessionId, iat, exp}. Verification is constant-time on the signature.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface JwtClaims {
  userId: string;
  sessionId: string;
  exp: number;
}

const HEADER = base64url(Buffer.from(JSON.stringify({ typ: "JWT", alg: "HS256" })));

function base64url(buf: Buffer): string {
  return buf.toString("base64url");
}

function sign(data: string, key: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

export function signJwt(
  claims: { userId: string; sessionId: string },
  key: string,
  durationSeconds: number,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const payload = base64url(
    Buffer.from(
      JSON.stringify({ userId: claims.userId, sessionId: claims.sessionId, iat, exp: iat + durationSeconds }),
    ),
  );
  const body = `${HEADER}.${payload}`;
  return `${body}.${base64url(sign(body, key))}`;
}

export class JwtError extends Error {}

/** Throws JwtError with a reason (shown after "Failed to verify JWT. ") when the token is not valid now. */
export function verifyJwt(token: string, key: string, now = Date.now()): JwtClaims {
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtError("Invalid token: Invalid JWT format");
  const [header, payload, signature] = parts as [string, string, string];
  let head: unknown;
  let claims: unknown;
  try {
    head = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw new JwtError("Invalid token: Invalid JWT format");
  }
  if (!head || typeof head !== "object" || (head as Record<string, unknown>).alg !== "HS256") {
    throw new JwtError("Invalid token: Unsupported algorithm");
  }
  const expected = sign(`${header}.${payload}`, key);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new JwtError("Invalid token: Signature failed");
  }
  if (!claims || typeof claims !== "object") throw new JwtError("Invalid token: Invalid JWT format");
  const c = claims as Record<string, unknown>;
  if (typeof c.exp !== "number" || c.exp * 1000 <= now) throw new JwtError("Invalid token: Expired");
  return {
    userId: typeof c.userId === "string" ? c.userId : "",
    sessionId: typeof c.sessionId === "string" ? c.sessionId : "",
    exp: c.exp,
  };
}
