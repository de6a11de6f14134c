// Session cookies on sign-in and sign-out, as Appwrite sets them: `a_session_<pid>` (SameSite=None) and
// `a_session_<pid>_legacy` (no SameSite), both httpOnly, plus the `X-Fallback-Cookies` header when the page's
// registrable domain differs from the API's (always the case for localhost/IPs, whose registrable domain is empty),
// so the web SDK can keep the session in localStorage.
import type { RequestContext } from "../http/router.ts";
import { serializeCookie } from "../auth/cookies.ts";

function hostOf(value: string | undefined): string {
  if (!value) return "";
  try {
    return new URL(value.includes("://") ? value : `http://${value}`).hostname;
  } catch {
    return "";
  }
}

/** A rough public-suffix-free registrable domain: the last two labels; empty for IPs and single-label hosts. */
function registrable(hostname: string): string {
  if (!hostname.includes(".") || /^[\d.]+$/.test(hostname) || hostname.includes(":")) return "";
  return hostname.split(".").slice(-2).join(".");
}

function domainVerified(ctx: RequestContext): boolean {
  const origin = typeof ctx.headers.origin === "string" ? ctx.headers.origin : "localhost";
  const self = registrable(hostOf(typeof ctx.headers.host === "string" ? ctx.headers.host : ""));
  return self !== "" && self === registrable(hostOf(origin));
}

function secure(ctx: RequestContext): boolean {
  return ctx.headers["x-forwarded-proto"] === "https";
}

export function setSessionCookies(ctx: RequestContext, secret: string, expire: string): void {
  const key = `a_session_${ctx.projectId}`;
  const expires = new Date(expire);
  if (!domainVerified(ctx)) ctx.response.headers["X-Fallback-Cookies"] = JSON.stringify({ [key]: secret });
  ctx.response.cookies.push(
    serializeCookie(`${key}_legacy`, secret, { expires, secure: secure(ctx) }),
    serializeCookie(key, secret, { expires, secure: secure(ctx), sameSite: "None" }),
  );
}

/** Tells the web SDK to drop the session it keeps in localStorage. */
export function clearFallbackCookie(ctx: RequestContext): void {
  if (!domainVerified(ctx)) ctx.response.headers["X-Fallback-Cookies"] = "[]";
}

export function clearSessionCookies(ctx: RequestContext): void {
  const key = `a_session_${ctx.projectId}`;
  const expires = new Date(Date.now() - 3600_000);
  clearFallbackCookie(ctx);
  ctx.response.cookies.push(
    serializeCookie(`${key}_legacy`, "", { expires, secure: secure(ctx) }),
    serializeCookie(key, "", { expires, secure: secure(ctx), sameSite: "None" }),
  );
}
