// Session secrets as Appwrite encodes them (utopia-php/auth Store::encode): base64(JSON{"id":userId,"secret":token}).
// The same string is the `a_session_<project>` cookie, the `X-Appwrite-Session` header and the SDK's `session.secret`.
// Only a SHA-256 of the token is stored, so a leaked database cannot be replayed as sessions.
import { createHash, randomBytes } from "node:crypto";

export interface DecodedSecret {
  userId: string;
  token: string;
}

export function generateToken(): string {
  return randomBytes(32).toString("hex");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function encodeSessionSecret(userId: string, token: string): string {
  return Buffer.from(JSON.stringify({ id: userId, secret: token }), "utf8").toString("base64");
}

/** Returns null for anything that is not a well-formed encoded secret (never throws). */
export function decodeSessionSecret(value: string | undefined | null): DecodedSecret | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64").toString("utf8"));
    if (!parsed || typeof parsed !== "object") return null;
    const { id, secret } = parsed as Record<string, unknown>;
    if (typeof id !== "string" || typeof secret !== "string" || id === "" || secret === "") return null;
    return { userId: id, token: secret };
  } catch {
    return null;
  }
}
