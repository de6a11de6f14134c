// The one fetch wrapper of the browser code (the chat's message calls go through chat-client's own, which speaks
// the same error shape). Every failure becomes an ApiError with a code the UI can word: the route's `error.code`
// (a booking-core DomainErrorCode), or `network` when the request never got an answer.
import type { ValidationIssue } from "@tenang/booking-core/errors";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly reason: string | null = null,
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

export interface ApiRequest {
  method?: "GET" | "POST";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const TIMEOUT_MS = 15_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(request.signal ? [request.signal] : [])];
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(request.body !== undefined ? { "content-type": "application/json" } : {}),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: "same-origin",
      cache: "no-store",
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiError(0, "network", error instanceof Error ? error.message : "network error");
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    throw new ApiError(
      response.status,
      typeof error.code === "string" ? error.code : `http_${response.status}`,
      typeof error.message === "string" ? error.message : response.statusText,
      typeof error.reason === "string" ? error.reason : null,
      Array.isArray(error.issues) ? (error.issues as ValidationIssue[]) : [],
    );
  }
  return body as T;
}
