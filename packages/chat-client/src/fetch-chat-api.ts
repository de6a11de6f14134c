// ChatApi over the apps' route handlers, through the one API client (api-client.ts; contract in README.md). Each
// request has its own timeout, so a hung connection becomes a TimeoutError that withRetry treats as a network
// failure; errors are the client's ApiError with the HTTP status, the route's error code and Retry-After, which is
// what booking-core's retry rules read. Sends carry the message's clientMessageId as the Idempotency-Key header, so
// every retry of one send is the same request. Photos go up as multipart (`file`, `clientMessageId`, `text`) with a
// longer timeout, since a few MB over a phone's link take a while.
import { IDEMPOTENCY_HEADER } from "@tenang/booking-core/idempotency";
import { ApiError, createApiClient, type FetchLike } from "./api-client";
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

/** Where a stored chat photo is read from: the app's route, which checks the viewer (never Appwrite directly). */
export function chatImagePath(bookingId: string, imageFileId: string): string {
  return `/api/bookings/${encodeURIComponent(bookingId)}/images/${encodeURIComponent(imageFileId)}`;
}

export interface FetchChatApiOptions {
  /** Per attempt; the session's retries each get a fresh timeout. */
  timeoutMs?: number;
  /** Per attempt of a photo upload. */
  uploadTimeoutMs?: number;
  /** Extra headers on every request (e.g. a locale). */
  headers?: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalidResponse(status: number, what: string): ApiError {
  return new ApiError(status, "invalid_response", `unexpected response body: ${what}`);
}

function parseMessages(status: number, value: unknown): ServerMessage[] {
  if (!Array.isArray(value)) throw invalidResponse(status, "messages is not an array");
  // A damaged row must not break the chat: it is left out, the rest is shown.
  return value.map(parseServerMessage).filter((m): m is ServerMessage => m !== null);
}

/**
 * The ChatApi of an app whose route handlers live at `baseUrl` ("" for the same origin, the usual case in the
 * browser). `fetchImpl` defaults to the global fetch, looked up on each call.
 */
export function createFetchChatApi(baseUrl = "", fetchImpl?: FetchLike, options: FetchChatApiOptions = {}): ChatApi {
  const apiFetch = createApiClient({
    baseUrl,
    ...(fetchImpl ? { fetchImpl } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.uploadTimeoutMs === undefined ? {} : { uploadTimeoutMs: options.uploadTimeoutMs }),
    ...(options.headers ? { headers: options.headers } : {}),
  });

  async function request(
    method: "GET" | "POST",
    path: string,
    init: { body?: unknown; form?: FormData; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<{ status: number; body: unknown }> {
    // Every route here answers 200/201 with JSON; the status only words an invalid body.
    const body = await apiFetch<unknown>(path, {
      method,
      body: init.form ?? init.body,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    return { status: 200, body };
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
