// The one way browser code talks to an app's route handlers: both apps' `apiFetch` and the chat's ChatApi go through
// `createApiClient`. Every failure is an ApiError with a code the UI can word: the route's `error.code` (a
// booking-core DomainErrorCode, `upstream_error`, …), `http_<status>` for a body it cannot read, `invalid_response`
// for a success it cannot read, or `network` when the request never got an answer (a timeout included). The
// caller's own abort stays an AbortError. Each request has its own timeout; errors carry the HTTP status and
// Retry-After, which is what booking-core's retry rules read. A response carrying `serverTime` sets the tab's clock.
import type { ValidationIssue } from "@tenang/booking-core/errors";
import { parseRetryAfter } from "@tenang/booking-core/retry";
import { SERVER_TIME_FIELD, serverClock, type ServerClock } from "./server-clock";

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/** Per attempt of an upload (a FormData body): 5 MB at a slow 1 Mbit/s is about 40 s. */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 60_000;

/** The code of a request that got no answer (offline, DNS, a dropped connection, a timeout). */
export const NETWORK_ERROR_CODE = "network";

export class ApiError extends Error {
  override readonly name: string = "ApiError";
  readonly status: number;
  readonly code: string;
  /** The route's `error.reason` (e.g. why a booking cannot change), if any. */
  readonly reason: string | null;
  readonly retryAfterMs: number | undefined;
  readonly issues: readonly ValidationIssue[];

  constructor(
    status: number,
    code: string,
    message: string,
    options: {
      reason?: string | null;
      retryAfterMs?: number;
      issues?: readonly ValidationIssue[];
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.reason = options.reason ?? null;
    this.retryAfterMs = options.retryAfterMs;
    this.issues = options.issues ?? [];
  }
}

/**
 * A request that took longer than its timeout: a network failure (code `network`), named TimeoutError, which
 * booking-core's isNetworkError retries. Its status is 0, never an HTTP status.
 */
export class RequestTimeoutError extends ApiError {
  override readonly name = "TimeoutError";
  constructor(message: string) {
    super(0, NETWORK_ERROR_CODE, message);
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export const isNetworkFailure = (error: unknown): boolean => isApiError(error, NETWORK_ERROR_CODE);

export interface ApiRequest {
  /** GET without a body, POST with one. */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** JSON-serialised; a FormData goes as multipart with its own content-type. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** This request's timeout (default: the client's). */
  timeoutMs?: number;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Where the routes live ("" for the same origin, the usual case in the browser). */
  baseUrl?: string;
  /** Defaults to the global fetch, looked up on each call. */
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  /** Timeout of a request whose body is a FormData (an upload). */
  uploadTimeoutMs?: number;
  /** Extra headers on every request (e.g. a locale). */
  headers?: Record<string, string>;
  /** The clock a response's `serverTime` sets (default: the tab's). */
  clock?: ServerClock;
  /** Words the failures no route worded, in the page's language (default: the runtime's or the status line). */
  wording?: { network?: () => string; unreadable?: (status: number) => string };
}

export type ApiFetch = <T>(path: string, request?: ApiRequest) => Promise<T>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function errorFrom(response: Response, fallback: string): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = fallback;
  let reason: string | null = null;
  let issues: ValidationIssue[] | undefined;
  try {
    const body: unknown = await response.json();
    const error = isRecord(body) && isRecord(body.error) ? body.error : null;
    if (error && typeof error.code === "string") code = error.code;
    if (error && typeof error.message === "string") message = error.message;
    if (error && typeof error.reason === "string") reason = error.reason;
    if (error && Array.isArray(error.issues)) issues = error.issues as ValidationIssue[];
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
  return new ApiError(response.status, code, message, { reason, retryAfterMs, issues });
}

export function createApiClient(options: ApiClientOptions = {}): ApiFetch {
  const root = (options.baseUrl ?? "").replace(/\/+$/, "");
  const fetchImpl: FetchLike = options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const clock = options.clock ?? serverClock;

  return async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
    const { body, signal: outer } = request;
    const method = request.method ?? (body === undefined ? "GET" : "POST");
    const isForm = typeof FormData !== "undefined" && body instanceof FormData;
    const limitMs =
      request.timeoutMs ??
      (isForm
        ? (options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS)
        : (options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS));
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new RequestTimeoutError(`${method} ${path} timed out after ${limitMs} ms`)),
      limitMs,
    );
    const onAbort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) onAbort();
    else outer?.addEventListener("abort", onAbort, { once: true });
    try {
      const headers: Record<string, string> = { accept: "application/json", ...options.headers, ...request.headers };
      // A form sets its own multipart content-type (with the boundary); no header of ours may replace it.
      if (body !== undefined && !isForm) headers["content-type"] = "application/json";
      let response: Response;
      try {
        response = await fetchImpl(`${root}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
          credentials: "same-origin",
          cache: "no-store",
          signal: controller.signal,
        });
      } catch (error) {
        // Runtimes differ in what fetch rejects with on abort; the signal's reason is the one that says why.
        if (controller.signal.aborted) throw controller.signal.reason;
        const message = options.wording?.network?.() ?? (error instanceof Error ? error.message : "network error");
        throw new ApiError(0, NETWORK_ERROR_CODE, message, { cause: error });
      }
      if (!response.ok) {
        const fallback =
          options.wording?.unreadable?.(response.status) ?? (response.statusText || `HTTP ${response.status}`);
        throw await errorFrom(response, fallback);
      }
      let parsed: unknown;
      try {
        parsed = await response.json();
      } catch {
        if (controller.signal.aborted) throw controller.signal.reason;
        throw new ApiError(response.status, "invalid_response", "unexpected response body: not JSON");
      }
      if (isRecord(parsed) && typeof parsed[SERVER_TIME_FIELD] === "string") clock.note(parsed[SERVER_TIME_FIELD]);
      return parsed as T;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    }
  };
}
