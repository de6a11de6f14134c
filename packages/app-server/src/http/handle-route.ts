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
import { DEFAULT_JSON_LIMIT_BYTES, readBodyText, unreadBodyTooLarge } from "./read-body";

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues?: readonly ValidationIssue[];
    /** Why a request was refused (booking-core's `details.problem`), only for the codes an app opts into. */
    reason?: string;
  };
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** Worth a server log line: our fault or the backend's, not the caller's. */
  log: boolean;
}

export interface RouteHandlingOptions {
  /**
   * Codes whose `details.problem` is safe and useful to show as `reason` (a closed list of words from
   * booking-core, e.g. why a discount code or a time slot was refused). Unset: no reasons are passed on.
   */
  codesWithReason?: readonly string[];
  /** The cookie that remembers the language a visitor chose, and how to read it. Unset: the browser's language. */
  localeCookie?: { name: string; parse: (value: string | undefined) => Locale | null };
}

export interface RouteHandling {
  /**
   * Turns anything a handler throws into a status and a `{ error: { code, message, issues? } }` body, worded in the
   * caller's language. Never includes stack traces or Appwrite's own messages (they name tables and columns).
   */
  mapError(error: unknown, locale?: Locale): MappedError;
  /** The caller's language for error messages and validation wording: their chosen language, else the browser's. */
  requestLocale(request: Request): Locale;
  errorResponse(error: unknown, locale?: Locale): Response;
  /**
   * Wraps a route handler: refuses cross-site writes and maps every thrown error to JSON (see mapError). Handlers
   * stay thin — parse, authorize, call one use case, build the response.
   */
  handleRoute<Context>(
    handler: (request: NextRequest, context: Context) => Promise<Response>,
  ): (request: NextRequest, context: Context) => Promise<Response>;
}

// For failures that are nobody's domain rule: a bug here, or Appwrite answering something we did not expect.
const internalMessages = {
  internal_error: { en: "Something went wrong on our side.", id: "Terjadi kesalahan di sisi kami." },
  upstream_error: {
    en: "The booking service had a problem. Please try again.",
    id: "Layanan pemesanan sedang bermasalah. Silakan coba lagi.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

function internal(code: keyof typeof internalMessages, status: number, locale: Locale): MappedError {
  return { status, body: { error: { code, message: internalMessages[code][locale] } }, headers: {}, log: true };
}

// Appwrite statuses that mean the same thing to our caller. Anything else reaching this point is our fault (input
// is validated before Appwrite sees it; repositories turn an expected "no such row" into null), so a 400 or 404
// from Appwrite is an upstream error, not the caller's.
const domainCodeForAppwriteStatus = { 401: "unauthorized", 403: "forbidden", 429: "rate_limited" } as const;

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

function readCookie(request: Request, name: string): string | undefined {
  return request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([cookieName]) => cookieName === name)?.[1];
}

/**
 * Our API answers are per-caller (cookies decide what they hold), so no cache may keep one unless the route says
 * otherwise (e.g. public photos set their own Cache-Control).
 */
function withDefaultCacheControl(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch {
    // Response.redirect() and fetched responses have immutable headers: copy.
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** The route wrapper and error mapping, configured once per app (see its src/server/http/handle-route.ts). */
export function createRouteHandling(options: RouteHandlingOptions = {}): RouteHandling {
  const codesWithReason = new Set(options.codesWithReason ?? []);
  const { localeCookie } = options;

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

  function mapError(error: unknown, locale: Locale = "en"): MappedError {
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

  function requestLocale(request: Request): Locale {
    const chosen = localeCookie ? localeCookie.parse(readCookie(request, localeCookie.name)) : null;
    return chosen ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  }

  function errorResponse(error: unknown, locale: Locale = "en"): Response {
    const { status, body, headers, log } = mapError(error, locale);
    if (log) console.error("[route] request failed:", error);
    return Response.json(body, { status, headers: { ...headers, "Cache-Control": "no-store" } });
  }

  function handleRoute<Context>(
    handler: (request: NextRequest, context: Context) => Promise<Response>,
  ): (request: NextRequest, context: Context) => Promise<Response> {
    return async (request, context) => {
      try {
        if (isCrossOrigin(request)) throw new DomainError("forbidden", "cross-site request refused");
        return withDefaultCacheControl(await handler(request, context));
      } catch (error) {
        // A handler may refuse (a missing header, a sign-in) before it reads the body; a chunked body past the
        // ceiling is still answered 413, like a declared one, so the size rule does not depend on the order of checks.
        const refused = (await unreadBodyTooLarge(request))
          ? new DomainError("payload_too_large", "unread chunked body past the ceiling")
          : error;
        return errorResponse(refused, requestLocale(request));
      }
    };
  }

  return { mapError, requestLocale, errorResponse, handleRoute };
}

/** How much of a body a route reads: DEFAULT_JSON_LIMIT_BYTES unless the route says otherwise. */
export interface JsonBodyOptions {
  maxBytes?: number;
}

/**
 * The request body as JSON; a body that is not JSON is the caller's mistake (400), not ours, and a body past the
 * limit is refused (413) before it is read (finding 6 of issue 9: a 100 MB body used to be parsed).
 */
export async function readJson(request: Request, options: JsonBodyOptions = {}): Promise<unknown> {
  const text = await readBodyText(request, { maxBytes: options.maxBytes ?? DEFAULT_JSON_LIMIT_BYTES });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError("bad_request", "request body is not JSON");
  }
}

/** Like readJson, for bodies that may be left out entirely (an empty body reads as `{}`). */
export async function readOptionalJson(request: Request, options: JsonBodyOptions = {}): Promise<unknown> {
  const text = await readBodyText(request, { maxBytes: options.maxBytes ?? DEFAULT_JSON_LIMIT_BYTES });
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError("bad_request", "request body is not JSON");
  }
}
