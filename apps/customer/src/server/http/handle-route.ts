import "server-only";
import {
  DomainError,
  httpStatusFor,
  isDomainError,
  userMessageFor,
  type ValidationIssue,
} from "@tenang/booking-core/errors";
import { localeFromAcceptLanguage, type Locale } from "@tenang/booking-core/locale";
import { AppwriteException } from "node-appwrite";
import type { NextRequest } from "next/server";
import { LOCALE_COOKIE, parseLocaleCookie } from "@/i18n/locale-cookie";

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues?: readonly ValidationIssue[];
    /** Why a discount code or a time slot was refused (booking-core's `details.problem`), for a precise message. */
    reason?: string;
  };
}

// Only these codes' `details.problem` is safe and useful to show: a closed list of words from booking-core.
const codesWithReason = new Set(["discount_invalid", "slot_unavailable"]);

interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** Worth a server log line: our fault or the backend's, not the caller's. */
  log: boolean;
}

// For failures that are nobody's domain rule: a bug here, or Appwrite answering something we did not expect.
const internalMessages = {
  internal_error: { en: "Something went wrong on our side.", id: "Terjadi kesalahan di sisi kami." },
  upstream_error: {
    en: "The booking service had a problem. Please try again.",
    id: "Layanan pemesanan sedang bermasalah. Silakan coba lagi.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

function fromDomainError(error: DomainError, locale: Locale): MappedError {
  const status = httpStatusFor(error.code);
  const headers: Record<string, string> = {};
  if (error.retryAfterMs !== undefined) headers["Retry-After"] = String(Math.ceil(error.retryAfterMs / 1000));
  return {
    status,
    // The sentence comes from booking-core in the caller's language; `error.message` is for logs.
    body: {
      error: {
        code: error.code,
        message: userMessageFor(error.code, locale),
        ...(error.issues.length > 0 ? { issues: error.issues } : {}),
        ...(codesWithReason.has(error.code) && typeof error.details.problem === "string"
          ? { reason: error.details.problem }
          : {}),
      },
    },
    headers,
    log: status >= 500,
  };
}

function internal(code: keyof typeof internalMessages, status: number, locale: Locale): MappedError {
  return { status, body: { error: { code, message: internalMessages[code][locale] } }, headers: {}, log: true };
}

// Appwrite statuses that mean the same thing to our caller. Anything else reaching this point is our fault (input
// is validated before Appwrite sees it; repositories turn an expected "no such row" into null), so a 400 or 404
// from Appwrite is an upstream error, not the caller's.
const domainCodeForAppwriteStatus = { 401: "unauthorized", 403: "forbidden", 429: "rate_limited" } as const;

/**
 * Turns anything a handler throws into a status and a `{ error: { code, message, issues? } }` body, worded in the
 * caller's language. Never includes stack traces or Appwrite's own messages (they name tables and columns).
 */
export function mapError(error: unknown, locale: Locale = "en"): MappedError {
  if (isDomainError(error)) return fromDomainError(error, locale);
  if (error instanceof AppwriteException) {
    const code = domainCodeForAppwriteStatus[error.code as keyof typeof domainCodeForAppwriteStatus];
    if (code) return fromDomainError(new DomainError(code, error.message), locale);
    return internal("upstream_error", 502, locale);
  }
  // fetch() rejects with a TypeError when the Appwrite endpoint cannot be reached at all.
  if (error instanceof TypeError && error.message === "fetch failed") {
    return { ...fromDomainError(new DomainError("service_unavailable", "Appwrite unreachable"), locale), log: true };
  }
  // Everything else is ours — including a bare ZodError: request input goes through booking-core's parseOrThrow
  // (a DomainError), so a ZodError means a stored row did not match its schema.
  return internal("internal_error", 500, locale);
}

/** The caller's language for error messages and validation wording: their chosen language, else the browser's. */
export function requestLocale(request: Request): Locale {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return parseLocaleCookie(cookie) ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export function errorResponse(error: unknown, locale: Locale = "en"): Response {
  const { status, body, headers, log } = mapError(error, locale);
  if (log) console.error("[route] request failed:", error);
  return Response.json(body, { status, headers: { ...headers, "Cache-Control": "no-store" } });
}

/** The request body as JSON; a body that is not JSON is the caller's mistake (400), not ours. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new DomainError("bad_request", "request body is not JSON");
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Browsers send Origin on cross-site form posts and fetches; together with SameSite=Lax cookies this refuses
 * requests another site makes a visitor's browser send (CSRF), including a forged sign-in.
 */
function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || SAFE_METHODS.has(request.method)) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Wraps a route handler: refuses cross-site writes and maps every thrown error to JSON (see mapError). Handlers
 * stay thin — parse, authorize, call one use case, build the response.
 */
export function handleRoute<Context>(
  handler: (request: NextRequest, context: Context) => Promise<Response>,
): (request: NextRequest, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      if (isCrossOrigin(request)) throw new DomainError("forbidden", "cross-site request refused");
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, requestLocale(request));
    }
  };
}
