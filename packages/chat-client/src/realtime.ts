// The chat's live messages for one booking: a listener on the tab's live connection (live-connection.ts), subscribed
// to the messages table filtered to the booking. Without a connection passed in it makes its own (tests, and any
// caller that wants the chat alone); react.ts passes the tab's, so the chat shares one socket with everything else.
import { rowsChannel, TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { Query } from "appwrite";
import type { ChatApi } from "./chat-api";
import { messageFromRow, type ServerMessage } from "./chat-message";
import {
  createLiveConnection,
  type LiveConnection,
  type LiveConnectionOptions,
  type LiveEvent,
  type LiveSubscription,
  type OpenReason,
  type RealtimeStatus,
} from "./live-connection";
import type { Timers } from "./timers";

export {
  createSdkRealtime,
  DEFAULT_HANDOVER_MS,
  DEFAULT_JWT_REFRESH_MARGIN_MS,
  DEFAULT_RECONNECT_DELAYS_MS,
  refreshDelayMs,
  tokenLifetimeMs,
  type OpenReason,
  type RealtimeConnectionConfig,
  type RealtimeEventLike,
  type RealtimeLike,
  type RealtimeStatus,
} from "./live-connection";

export type RealtimeChange = { type: "upsert"; message: ServerMessage } | { type: "delete"; id: string };

export interface RealtimeTransportOptions extends Omit<LiveConnectionOptions, "mintToken" | "timers"> {
  api: Pick<ChatApi, "mintRealtimeToken">;
  bookingId: string;
  onChange: (change: RealtimeChange) => void;
  onOpen?: (reason: OpenReason) => void;
  onStatus?: (status: RealtimeStatus) => void;
  tableId?: TableId;
  timers?: Timers;
  /** The tab's shared connection; when absent the transport makes (and stops) its own. */
  connection?: LiveConnection;
}

export interface RealtimeTransport {
  readonly status: RealtimeStatus;
  /** Connects; resolves once the first connection opened or failed (a failure schedules a retry). */
  start(): Promise<void>;
  /** Drops the current connection and connects again now (a stale connection, or the device came back online). */
  reconnect(): void;
  /** Ends this listener (and closes the transport's own connection); nothing is delivered afterwards. */
  stop(): Promise<void>;
}

export function createRealtimeTransport(options: RealtimeTransportOptions): RealtimeTransport {
  const { api, bookingId, onChange, tableId = TABLES.messages, connection: shared, ...connectionOptions } = options;
  const connection =
    shared ?? createLiveConnection({ ...connectionOptions, mintToken: (call) => api.mintRealtimeToken(call) });
  let status: RealtimeStatus = "idle";
  let subscription: LiveSubscription | null = null;

  function setStatus(next: RealtimeStatus): void {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  }

  function handleEvent(event: LiveEvent): void {
    if (status === "stopped") return;
    const payload = event.payload as { $id?: unknown; bookingId?: unknown } | null;
    // The subscription's query already filters by booking; this guards against a server that ignores queries.
    if (!payload || payload.bookingId !== bookingId) return;
    if (event.events.some((name) => name.endsWith(".delete"))) {
      if (typeof payload.$id === "string") onChange({ type: "delete", id: payload.$id });
      return;
    }
    const message = messageFromRow(payload);
    if (message) onChange({ type: "upsert", message });
  }

  return {
    get status() {
      return status;
    },
    async start() {
      if (status !== "idle") return;
      setStatus("connecting");
      subscription = connection.subscribe({
        channels: (databaseId) => [rowsChannel(databaseId, tableId)],
        queries: [Query.equal("bookingId", bookingId)],
        onEvent: handleEvent,
        onOpen: (reason) => {
          if (status === "stopped") return;
          setStatus("live");
          options.onOpen?.(reason);
        },
        onStatus: (next) => {
          if (status !== "stopped" && next !== "idle" && next !== "stopped") setStatus(next);
        },
      });
      await subscription.ready;
    },
    reconnect() {
      if (status === "idle" || status === "stopped") return;
      subscription?.reconnect();
    },
    async stop() {
      if (status === "stopped") return;
      setStatus("stopped");
      // Its own connection is stopped and awaited (every socket closed); a shared one only loses this listener.
      if (shared) subscription?.unsubscribe();
      else await connection.stop();
      subscription = null;
    },
  };
}
