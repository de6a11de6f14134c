// Retry with exponential backoff and jitter, for calls to Appwrite or any HTTP service. Retries only what can succeed
// on a second try and is safe to repeat: network failures, 429 and 5xx. Never a 4xx (the request itself is wrong),
// never after the caller aborted. Mutating requests must carry an idempotency key (idempotency.ts) so a retry after
// a lost response cannot do the work twice.
//
// Defaults: the first call plus up to 3 retries, waiting 300 → 600 → 1200 ms, each ±15 % jitter (so many clients
// failing together do not retry in lockstep), never more than 3 s per wait; worst case ≈ 2.4 s of waiting in total.
import { DomainError, httpStatusFor } from "./errors";

export interface RetryPolicy {
  /** Retries after the first call. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** ± fraction of each delay, 0…1. */
  jitterRatio: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 300,
  maxDelayMs: 3_000,
  jitterRatio: 0.15,
};

function nominalDelay(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
}

/** The least and most a wait before retry number `retry` (0-based) can be. */
export function retryDelayBounds(
  retry: number,
  policy: RetryPolicy = defaultRetryPolicy,
): { min: number; max: number } {
  const nominal = nominalDelay(retry, policy);
  return {
    min: Math.floor(nominal * (1 - policy.jitterRatio)),
    max: Math.min(policy.maxDelayMs, Math.ceil(nominal * (1 + policy.jitterRatio))),
  };
}

/** The wait before retry number `retry` (0-based): base × 2^retry, ± jitter, capped. `random` returns [0, 1). */
export function retryDelayMs(
  retry: number,
  policy: RetryPolicy = defaultRetryPolicy,
  random: () => number = Math.random,
): number {
  const nominal = nominalDelay(retry, policy);
  const factor = 1 + policy.jitterRatio * (2 * random() - 1);
  const { min, max } = retryDelayBounds(retry, policy);
  return Math.min(max, Math.max(min, Math.round(nominal * factor)));
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENOTFOUND",
  "EPIPE",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
]);
// What fetch rejects with when the network fails, per runtime (Node/undici, Chrome, Firefox, Safari).
const NETWORK_MESSAGES = /fetch failed|failed to fetch|networkerror|load failed|network request failed/i;

type Loose = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  status?: unknown;
  response?: unknown;
  cause?: unknown;
};

function asLoose(value: unknown): Loose | null {
  return typeof value === "object" && value !== null ? (value as Loose) : null;
}

/** The HTTP status an error carries (fetch Response-like errors, AppwriteException's numeric `code`, DomainError). */
export function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof DomainError) return httpStatusFor(error.code);
  const e = asLoose(error);
  if (!e) return undefined;
  if (isHttpStatus(e.status)) return e.status;
  // A DOMException also has a numeric `code` (TimeoutError is 23): only a value in the HTTP range is a status.
  if (isHttpStatus(e.code)) return e.code;
  const response = asLoose(e.response);
  return response && isHttpStatus(response.status) ? response.status : undefined;
}

function isHttpStatus(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 100 && v <= 599;
}

export function isAbortError(error: unknown): boolean {
  return asLoose(error)?.name === "AbortError";
}

/** A failure to reach the server at all (no HTTP status), or a per-attempt timeout. */
export function isNetworkError(error: unknown): boolean {
  const e = asLoose(error);
  if (!e) return false;
  if (e.name === "TimeoutError") return true;
  if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return true;
  // Appwrite's SDK reports an unreachable server as an AppwriteException with code 0.
  if (e.code === 0) return true;
  if (e.name === "TypeError" && typeof e.message === "string" && NETWORK_MESSAGES.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error && isNetworkError(e.cause);
}

/** Whether retrying can help and is safe: network errors, 429, 5xx (except 501/505, which never change). */
export function isRetryableError(error: unknown): boolean {
  if (isAbortError(error)) return false;
  const status = httpStatusOf(error);
  if (status !== undefined && status > 0)
    return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
  return isNetworkError(error);
}

/** The server's requested wait, if the error carries one (DomainError.retryAfterMs, or `retryAfterMs` on any error). */
export function retryAfterMsOf(error: unknown): number | undefined {
  const value = (asLoose(error) as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === "number" && value >= 0 ? value : undefined;
}

/** A Retry-After header value (seconds, or an HTTP date) as milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export interface RetryOptions {
  policy?: RetryPolicy;
  signal?: AbortSignal;
  /** Decides which errors are retried; isRetryableError by default. */
  shouldRetry?: (error: unknown) => boolean;
  random?: () => number;
  /** Waits; injectable so tests run on a fake clock. Must reject with the signal's reason when aborted. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: { retry: number; delayMs: number; error: unknown }) => void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** setTimeout-based wait that stops early (rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `operation`, retrying per the policy. `operation` gets the attempt number (0 = first call) and the signal.
 * A server's Retry-After (retryAfterMs on the error) lengthens the wait; if it asks for longer than maxDelayMs the
 * error is thrown at once instead. Aborting the signal stops everything with the signal's reason.
 */
export async function withRetry<T>(
  operation: (attempt: number, signal: AbortSignal | undefined) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const policy = options.policy ?? defaultRetryPolicy;
  const shouldRetry = options.shouldRetry ?? isRetryableError;
  const wait = options.sleep ?? sleep;
  const { signal } = options;
  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw abortReason(signal);
    try {
      return await operation(attempt, signal);
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (attempt >= policy.maxRetries || !shouldRetry(error)) throw error;
      let delayMs = retryDelayMs(attempt, policy, options.random);
      const retryAfter = retryAfterMsOf(error);
      if (retryAfter !== undefined) {
        if (retryAfter > policy.maxDelayMs) throw error;
        delayMs = Math.max(delayMs, retryAfter);
      }
      options.onRetry?.({ retry: attempt + 1, delayMs, error });
      await wait(delayMs, signal);
    }
  }
}
