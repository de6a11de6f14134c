// Cookie parsing and Set-Cookie building. Appwrite (PHP/Swoole) URL-encodes cookie values, so we do too and decode
// on read; a raw base64 value (as some SSR code sets by hand) decodes to itself.

import { assertSafeKey } from "../http/safe-keys.ts";

// Cookie names are user input: the result has no prototype and names that would reach one are refused (400).
export function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  for (const line of lines) {
    for (const pair of line.split(";")) {
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      assertSafeKey("cookie", name);
      if (!name || Object.hasOwn(out, name)) continue;
      out[name] = safeDecode(pair.slice(eq + 1).trim());
    }
  }
  return out;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export interface CookieOptions {
  expires: Date;
  secure: boolean;
  /** Omitted for the `_legacy` cookie, exactly like Appwrite, so browsers that reject SameSite=None keep one. */
  sameSite?: "None" | "Lax" | "Strict";
}

export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `expires=${opts.expires.toUTCString()}`, "path=/"];
  if (opts.secure) parts.push("secure");
  parts.push("httponly");
  if (opts.sameSite) parts.push(`samesite=${opts.sameSite}`);
  return parts.join("; ");
}
