// ChatApi over the apps' route handlers with fetch (contract in README.md). Each request has its own timeout, so a
// hung connection becomes a TimeoutError that withRetry treats as a network failure; errors carry the HTTP status,
// the route's error code and Retry-After, which is what booking-core's retry rules read. Sends carry the message's
// clientMessageId as the Idempotency-Key header, so every retry of one send is the same request. Photos go up as
// multipart (`file`, `clientMessageId`, `text`) with a longer timeout, since a few MB over a phone's link take a while.
import { IDEMPOTENCY_HEADER } from "@tenang/booking-core/idempotency";
import { parseRetryAfter } from "@tenang/booking-core/retry";
import type { ValidationIssue } from "@tenang/booking-core/errors";
import type {
  CallOptions,
  ChatApi,
  ListMessagesInput,
  MessagePage,
  RealtimeToken,
  SearchMessagesInput,
  SendImageRequest,
  SendMessageRequest,
} from "./chat-api";
import { parseServerMessage, type ServerMessage } from "./chat-message";

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/** Per attempt of a photo upload: 5 MB at a slow 1 Mbit/s is about 40 s. */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 60_000;

/** Where a stored chat photo is read from: the app's route, which checks the viewer (never Appwrite directly). */
export function chatImagePath(bookingId: string, imageFileId: string): string {
  return `/api/bookings/${encodeURIComponent(bookingId)}/images/${encodeURIComponent(imageFileId)}`;
}

/** A route answered with an error status (or with a body this client cannot read). */
export class ChatApiError extends Error {
  override readonly name = "ChatApiError";
  readonly status: number;
  /** The route's `error.code` (a booking-core DomainErrorCode, `upstream_error`, …), or `http_<status>`. */
  readonly code: string;
  readonly retryAfterMs: number | undefined;
  readonly issues: readonly ValidationIssue[];

  constructor(
    status: number,
    code: string,
    message: string,
    options: { retryAfterMs?: number; issues?: readonly ValidationIssue[] } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.issues = options.issues ?? [];
  }
}

/**
 * A request that took longer than its timeout. Deliberately not a DOMException: booking-core's httpStatusOf reads a
 * numeric `code` as an HTTP status, and DOMException("…", "TimeoutError").code is 23, which would make it
 * non-retryable. isNetworkError recognises the name.
 */
export class RequestTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

export interface FetchChatApiOptions {
  /** Per attempt; the session's retries each get a fresh timeout. */
  timeoutMs?: number;
  /** Per attempt of a photo upload. */
  uploadTimeoutMs?: number;
  /** Extra headers on every request (e.g. a locale). */
  headers?: Record<string, string>;
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalidResponse(status: number, what: string): ChatApiError {
  return new ChatApiError(status, "invalid_response", `unexpected response body: ${what}`);
}

function parseMessages(status: number, value: unknown): ServerMessage[] {
  if (!Array.isArray(value)) throw invalidResponse(status, "messages is not an array");
  // A damaged row must not break the chat: it is left out, the rest is shown.
  return value.map(parseServerMessage).filter((m): m is ServerMessage => m !== null);
}

async function errorFrom(response: Response): Promise<ChatApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  let issues: ValidationIssue[] | undefined;
  try {
    const body: unknown = await response.json();
    const error = isRecord(body) && isRecord(body.error) ? body.error : null;
    if (error && typeof error.code === "string") code = error.code;
    if (error && typeof error.message === "string") message = error.message;
    if (error && Array.isArray(error.issues)) issues = error.issues as ValidationIssue[];
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
  return new ChatApiError(response.status, code, message, { retryAfterMs, issues });
}

/**
 * The ChatApi of an app whose route handlers live at `baseUrl` ("" for the same origin, the usual case in the
 * browser). `fetchImpl` defaults to the global fetch, looked up on each call.
 */
export function createFetchChatApi(
  baseUrl = "",
  fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init),
  options: FetchChatApiOptions = {},
): ChatApi {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS;
  const root = baseUrl.replace(/\/+$/, "");

  async function request(
    method: "GET" | "POST",
    path: string,
    init: { body?: unknown; form?: FormData; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<{ status: number; body: unknown }> {
    const controller = new AbortController();
    const limitMs = init.form ? uploadTimeoutMs : timeoutMs;
    const timer = setTimeout(
      () => controller.abort(new RequestTimeoutError(`${method} ${path} timed out after ${limitMs} ms`)),
      limitMs,
    );
    const outer = init.signal;
    const onAbort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) onAbort();
    else outer?.addEventListener("abort", onAbort, { once: true });
    try {
      const headers: Record<string, string> = { accept: "application/json", ...options.headers, ...init.headers };
      if (init.body !== undefined) headers["content-type"] = "application/json";
      // A form sets its own multipart content-type (with the boundary); no header of ours may replace it.
      const response = await fetchImpl(`${root}${path}`, {
        method,
        headers,
        body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!response.ok) throw await errorFrom(response);
      let body: unknown;
      try {
        body = await response.json();
      } catch (error) {
        if (controller.signal.aborted) throw error;
        throw invalidResponse(response.status, "not JSON");
      }
      return { status: response.status, body };
    } catch (error) {
      // Runtimes differ in what fetch rejects with on abort; the signal's reason is the one that says why.
      if (controller.signal.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    }
  }

  const messagesPath = (bookingId: string): string => `/api/bookings/${encodeURIComponent(bookingId)}/messages`;

  return {
    async listMessages(input: ListMessagesInput, call: CallOptions = {}): Promise<MessagePage> {
      const query = new URLSearchParams();
      if (input.before !== undefined) query.set("before", input.before);
      if (input.after !== undefined) query.set("after", input.after);
      query.set("limit", String(input.limit));
      const { status, body } = await request("GET", `${messagesPath(input.bookingId)}?${query}`, call);
      if (!isRecord(body) || typeof body.hasMore !== "boolean") throw invalidResponse(status, "no hasMore");
      return { messages: parseMessages(status, body.messages), hasMore: body.hasMore };
    },

    async sendMessage({ bookingId, ...message }: SendMessageRequest, call: CallOptions = {}): Promise<ServerMessage> {
      const { status, body } = await request("POST", messagesPath(bookingId), {
        body: message,
        headers: { [IDEMPOTENCY_HEADER]: message.clientMessageId },
        signal: call.signal,
      });
      const parsed = isRecord(body) ? parseServerMessage(body.message) : null;
      if (!parsed) throw invalidResponse(status, "no message");
      return parsed;
    },

    async sendImage(
      { bookingId, clientMessageId, file, fileName, text }: SendImageRequest,
      call: CallOptions = {},
    ): Promise<ServerMessage> {
      const form = new FormData();
      form.set("clientMessageId", clientMessageId);
      if (text !== null) form.set("text", text);
      form.set("file", file, fileName);
      const { status, body } = await request("POST", `/api/bookings/${encodeURIComponent(bookingId)}/images`, {
        form,
        headers: { [IDEMPOTENCY_HEADER]: clientMessageId },
        signal: call.signal,
      });
      const parsed = isRecord(body) ? parseServerMessage(body.message) : null;
      if (!parsed) throw invalidResponse(status, "no message");
      return parsed;
    },

    async mintRealtimeToken(call: CallOptions = {}): Promise<RealtimeToken> {
      const { status, body } = await request("POST", "/api/realtime/token", { body: {}, signal: call.signal });
      if (
        !isRecord(body) ||
        typeof body.jwt !== "string" ||
        typeof body.expiresAt !== "string" ||
        Number.isNaN(Date.parse(body.expiresAt)) ||
        typeof body.endpoint !== "string" ||
        typeof body.projectId !== "string" ||
        typeof body.databaseId !== "string"
      ) {
        throw invalidResponse(status, "not a realtime token");
      }
      return {
        jwt: body.jwt,
        expiresAt: body.expiresAt,
        endpoint: body.endpoint,
        projectId: body.projectId,
        databaseId: body.databaseId,
      };
    },

    async searchMessages(input: SearchMessagesInput, call: CallOptions = {}): Promise<ServerMessage[]> {
      const query = new URLSearchParams({ q: input.query });
      if (input.limit !== undefined) query.set("limit", String(input.limit));
      const { status, body } = await request("GET", `${messagesPath(input.bookingId)}/search?${query}`, call);
      if (!isRecord(body)) throw invalidResponse(status, "not an object");
      return parseMessages(status, body.messages);
    },
  };
}
