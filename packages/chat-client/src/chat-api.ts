// The transport the chat needs from its app: four calls (and, for photos, a fifth), implemented by the app's route handlers (which hold the
// API key). createFetchChatApi (fetch-chat-api.ts) is the implementation over HTTP; README.md has the wire contract.
import type { SendMessageInput } from "@tenang/booking-core/schemas/chat";
import type { ServerMessage } from "./chat-message";

/** Messages per page, for the first page, older pages and backfill pages alike. */
export const DEFAULT_PAGE_SIZE = 50;

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * One page of a booking's messages. Cursors are message ids. With neither cursor: the newest `limit` messages;
 * `before`: the `limit` messages just older than that one; `after`: the `limit` messages just newer than it.
 */
export interface ListMessagesInput {
  bookingId: string;
  before?: string;
  after?: string;
  limit: number;
}

export interface MessagePage {
  /** Oldest first. */
  messages: ServerMessage[];
  /** Whether more messages exist beyond this page in the direction asked (older for `before` and for no cursor). */
  hasMore: boolean;
}

/** What a participant posts; `clientMessageId` is the idempotency key (the server stores each one once). */
export type SendMessageRequest = SendMessageInput & { bookingId: string };

/** A short-lived JWT for the Realtime socket, and where that socket goes. */
export interface RealtimeToken {
  jwt: string;
  /** ISO instant the JWT stops working. */
  expiresAt: string;
  /** Appwrite endpoint including `/v1`, e.g. https://cloud.appwrite.io/v1 */
  endpoint: string;
  projectId: string;
  databaseId: string;
}

export interface SearchMessagesInput {
  bookingId: string;
  query: string;
  limit?: number;
}

/**
 * A photo for the chat: the route stores the file and posts the `image` message in one request, idempotently by
 * `clientMessageId` (a retried upload returns the message already stored).
 */
export interface SendImageRequest {
  bookingId: string;
  clientMessageId: string;
  file: Blob;
  /** The name the file goes by on the device (the server goes by the bytes, not this). */
  fileName: string;
  text: string | null;
}

export interface ChatApi {
  listMessages(input: ListMessagesInput, options?: CallOptions): Promise<MessagePage>;
  /** Returns the stored message; sending the same clientMessageId again returns the same message. */
  sendMessage(input: SendMessageRequest, options?: CallOptions): Promise<ServerMessage>;
  mintRealtimeToken(options?: CallOptions): Promise<RealtimeToken>;
  /** Server-side search in one conversation; without it, search covers the loaded messages only. */
  searchMessages?(input: SearchMessagesInput, options?: CallOptions): Promise<ServerMessage[]>;
  /** Uploads a photo and returns its stored `image` message; without it, the session cannot send photos. */
  sendImage?(input: SendImageRequest, options?: CallOptions): Promise<ServerMessage>;
}
