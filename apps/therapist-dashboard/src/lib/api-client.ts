// The one way the browser talks to this app's route handlers. Errors come back as ApiError carrying the route's
// error code and its sentence (already in the caller's language: the locale cookie reaches the route), so components
// show the server's words. Only failures with no answer to word them are worded here, in the page's language.
import { parseLocaleCookie } from "@tenang/booking-core/locale";
import { getMessages } from "@/i18n/messages";

/** The page's language as the root layout set it on <html lang> (the therapist's choice, else their browser's). */
function pageMessages() {
  const locale = typeof document === "undefined" ? null : parseLocaleCookie(document.documentElement.lang);
  return getMessages(locale ?? undefined).common;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly issues: readonly { path: string; message: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; issues?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // not JSON: keep the status only
  }
  const code = typeof body.error?.code === "string" ? body.error.code : `http_${response.status}`;
  const message = typeof body.error?.message === "string" ? body.error.message : pageMessages().unknownError;
  const issues = Array.isArray(body.error?.issues) ? (body.error.issues as { path: string; message: string }[]) : [];
  return new ApiError(response.status, code, message, issues);
}

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** JSON-serialised; a FormData is sent as multipart. */
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const { method = request.body === undefined ? "GET" : "POST", body, signal } = request;
  const isForm = typeof FormData !== "undefined" && body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      cache: "no-store",
      headers: body === undefined || isForm ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", pageMessages().offline);
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
