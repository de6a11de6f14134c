// Live message events for one booking over the appwrite web SDK's Realtime, authenticated with a JWT that the app's
// route handler mints. The transport, not the SDK, owns reconnection: every connection is its own Client + Realtime
// with the JWT of the moment, so a reconnect never reuses an expired JWT (the server refuses it with close code 1008,
// after which the SDK would stop trying) and close() knows exactly which sockets and timers exist.
//
// - JWT refresh: before the JWT expires (by REFRESH_MARGIN) a new JWT is minted and a second connection opened;
//   once it is open it becomes current, and the old one is closed a moment later (make before break).
// - Drops: the SDK reports a closed socket through onClose; a new connection follows with backoff and jitter.
// - onOpen fires for every connection that opens: the session backfills then, since events are not replayed.
//   A silent drop (socket open, nothing arriving) cannot be seen here; the session's periodic sync notices
//   messages that realtime failed to deliver and calls reconnect().
import { rowsChannel, TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { Client, Query, Realtime } from "appwrite";
import type { ChatApi, RealtimeToken } from "./chat-api";
import { messageFromRow, type ServerMessage } from "./chat-message";
import { systemTimers, type Timers } from "./timers";

/** Refresh the JWT this long before it expires (or halfway through its life, if that is sooner). */
export const DEFAULT_JWT_REFRESH_MARGIN_MS = 60_000;
/** Waits before reconnect attempt 1, 2, 3, … (the last repeats), each ±20 % jitter. */
export const DEFAULT_RECONNECT_DELAYS_MS: readonly number[] = [250, 1_000, 2_000, 5_000, 10_000, 30_000];
/** How long a replaced connection stays open beside its successor, so no event falls between the two. */
export const DEFAULT_HANDOVER_MS = 2_000;
/** A connection that stayed open this long resets the backoff. */
const STABLE_AFTER_MS = 5_000;
/** A refresh that failed is tried again after this long (the current connection keeps working meanwhile). */
const REFRESH_RETRY_MS = 5_000;

export type RealtimeStatus = "idle" | "connecting" | "live" | "reconnecting" | "stopped";
export type OpenReason = "initial" | "reconnect" | "refresh";
export type RealtimeChange = { type: "upsert"; message: ServerMessage } | { type: "delete"; id: string };

/** What the SDK's Realtime event looks like to us. */
export interface RealtimeEventLike {
  events: string[];
  payload: unknown;
}

/** The part of the SDK's Realtime the transport uses (a fake implements it in unit tests). */
export interface RealtimeLike {
  subscribe(
    channels: string[],
    callback: (event: RealtimeEventLike) => void,
    queries: string[],
  ): Promise<{ unsubscribe(): Promise<void> }>;
  onOpen(callback: () => void): void;
  onClose(callback: () => void): void;
  onError(callback: (error?: Error, statusCode?: number) => void): void;
  disconnect(): Promise<void>;
}

export interface RealtimeConnectionConfig {
  endpoint: string;
  projectId: string;
  jwt: string;
}

export function createSdkRealtime(config: RealtimeConnectionConfig): RealtimeLike {
  const client = new Client().setEndpoint(config.endpoint).setProject(config.projectId).setJWT(config.jwt);
  return new Realtime(client);
}

export interface RealtimeTransportOptions {
  api: Pick<ChatApi, "mintRealtimeToken">;
  bookingId: string;
  onChange: (change: RealtimeChange) => void;
  onOpen?: (reason: OpenReason) => void;
  onStatus?: (status: RealtimeStatus) => void;
  tableId?: TableId;
  refreshMarginMs?: number;
  reconnectDelaysMs?: readonly number[];
  handoverMs?: number;
  timers?: Timers;
  random?: () => number;
  createRealtime?: (config: RealtimeConnectionConfig) => RealtimeLike;
}

export interface RealtimeTransport {
  readonly status: RealtimeStatus;
  /** Connects; resolves once the first connection opened or failed (a failure schedules a retry). */
  start(): Promise<void>;
  /** Drops the current connection and connects again now (a stale connection, or the device came back online). */
  reconnect(): void;
  /** Closes every socket, cancels every timer and mint; nothing is delivered afterwards. */
  stop(): Promise<void>;
}

interface MintedToken {
  token: RealtimeToken;
  /** Device time at which to replace it. */
  refreshAt: number;
}

interface Connection {
  realtime: RealtimeLike;
  minted: MintedToken;
  reason: OpenReason;
  openedAt: number | null;
  closed: boolean;
  /** Resolves when the connection opened or failed. */
  settled: Promise<void>;
  settle: () => void;
}

function base64UrlJson(part: string): unknown {
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), "=")));
}

/**
 * How long a freshly minted JWT lives. Its own `exp - iat` when present (both from the server's clock, so a phone
 * with a wrong clock still refreshes on time), otherwise `expiresAt` against this device's clock.
 */
export function tokenLifetimeMs(token: Pick<RealtimeToken, "jwt" | "expiresAt">, now: number): number {
  try {
    const claims = base64UrlJson(token.jwt.split(".")[1] ?? "") as { iat?: unknown; exp?: unknown };
    if (typeof claims.iat === "number" && typeof claims.exp === "number" && claims.exp > claims.iat) {
      return (claims.exp - claims.iat) * 1000;
    }
  } catch {
    // Not a JWT we can read: fall back to expiresAt.
  }
  return Date.parse(token.expiresAt) - now;
}

/** When to refresh a JWT that lives `lifetimeMs`: `margin` before expiry, or halfway for short-lived ones. */
export function refreshDelayMs(lifetimeMs: number, marginMs: number): number {
  return Math.max(1_000, lifetimeMs - Math.min(marginMs, lifetimeMs / 2));
}

export function createRealtimeTransport(options: RealtimeTransportOptions): RealtimeTransport {
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const createRealtime = options.createRealtime ?? createSdkRealtime;
  const marginMs = options.refreshMarginMs ?? DEFAULT_JWT_REFRESH_MARGIN_MS;
  const delays = options.reconnectDelaysMs ?? DEFAULT_RECONNECT_DELAYS_MS;
  const handoverMs = options.handoverMs ?? DEFAULT_HANDOVER_MS;
  const tableId = options.tableId ?? TABLES.messages;

  let status: RealtimeStatus = "idle";
  let stopped = false;
  let current: Connection | null = null;
  let incoming: Connection | null = null; // a refresh's connection, until it opens
  const retiring = new Set<Connection>();
  let minted: MintedToken | null = null;
  let tokenRejected = false;
  let attempts = 0;
  let connecting = false;
  const mints = new AbortController();
  const scheduled = new Set<unknown>();

  function later(ms: number, run: () => void): () => void {
    const handle = timers.setTimeout(() => {
      scheduled.delete(handle);
      run();
    }, ms);
    scheduled.add(handle);
    return () => {
      timers.clearTimeout(handle);
      scheduled.delete(handle);
    };
  }
  let cancelReconnect: (() => void) | null = null;
  let cancelRefresh: (() => void) | null = null;

  function setStatus(next: RealtimeStatus): void {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  }

  function dispose(conn: Connection): void {
    conn.settle();
    if (conn.closed) return;
    conn.closed = true;
    retiring.delete(conn);
    // disconnect() clears the SDK's own reconnect flag synchronously, before its close handler looks at it.
    conn.realtime.disconnect().catch(() => undefined);
  }

  function handleEvent(conn: Connection, event: RealtimeEventLike): void {
    if (conn.closed || stopped) return;
    const payload = event.payload as { $id?: unknown; bookingId?: unknown } | null;
    // The subscription's query already filters by booking; this guards against a server that ignores queries.
    if (!payload || payload.bookingId !== options.bookingId) return;
    if (event.events.some((name) => name.endsWith(".delete"))) {
      if (typeof payload.$id === "string") options.onChange({ type: "delete", id: payload.$id });
      return;
    }
    const message = messageFromRow(payload);
    if (message) options.onChange({ type: "upsert", message });
  }

  function scheduleRefresh(conn: Connection): void {
    cancelRefresh?.();
    cancelRefresh = later(Math.max(0, conn.minted.refreshAt - timers.now()), () => {
      cancelRefresh = null;
      void refresh();
    });
  }

  function scheduleReconnect(): void {
    if (stopped || cancelReconnect) return;
    const nominal = delays[Math.min(attempts, delays.length - 1)] ?? 1_000;
    attempts += 1;
    setStatus("reconnecting");
    cancelReconnect = later(Math.round(nominal * (0.8 + 0.4 * random())), () => {
      cancelReconnect = null;
      void connect("reconnect");
    });
  }

  function opened(conn: Connection): void {
    conn.settle();
    if (conn.closed || stopped) return;
    conn.openedAt = timers.now();
    if (conn === incoming) {
      incoming = null;
      const previous = current;
      current = conn;
      if (previous && !previous.closed) {
        retiring.add(previous);
        later(handoverMs, () => dispose(previous));
      }
    }
    if (conn !== current) return;
    setStatus("live");
    scheduleRefresh(conn);
    options.onOpen?.(conn.reason);
  }

  function lost(conn: Connection): void {
    conn.settle();
    if (conn.closed) return;
    const wasStable = conn.openedAt !== null && timers.now() - conn.openedAt >= STABLE_AFTER_MS;
    dispose(conn);
    if (stopped) return;
    if (conn === incoming) {
      // The refreshed connection failed; the current one still works. Try the refresh again soon.
      incoming = null;
      cancelRefresh?.();
      cancelRefresh = later(REFRESH_RETRY_MS, () => {
        cancelRefresh = null;
        void refresh();
      });
      return;
    }
    if (conn !== current) return;
    current = null;
    cancelRefresh?.();
    cancelRefresh = null;
    if (wasStable) attempts = 0;
    scheduleReconnect();
  }

  function open(tok: MintedToken, reason: OpenReason): Connection {
    const { endpoint, projectId, jwt, databaseId } = tok.token;
    const realtime = createRealtime({ endpoint, projectId, jwt });
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const conn: Connection = { realtime, minted: tok, reason, openedAt: null, closed: false, settled, settle };
    realtime.onOpen(() => opened(conn));
    realtime.onClose(() => lost(conn));
    realtime.onError((_error, statusCode) => {
      // The server refuses a bad or expired JWT with an error message, then closes the socket.
      if (statusCode === 401 || statusCode === 403 || statusCode === 1008) tokenRejected = true;
    });
    const channel = rowsChannel(databaseId, tableId);
    // subscribe() resolves when the socket opens and rejects when it cannot; onClose reports the same failure
    // to lost(), which ignores whichever comes second.
    realtime
      .subscribe([channel], (event) => handleEvent(conn, event), [Query.equal("bookingId", options.bookingId)])
      .catch(() => lost(conn));
    return conn;
  }

  async function mint(): Promise<MintedToken> {
    const token = await options.api.mintRealtimeToken({ signal: mints.signal });
    const now = timers.now();
    minted = { token, refreshAt: now + refreshDelayMs(tokenLifetimeMs(token, now), marginMs) };
    tokenRejected = false;
    return minted;
  }

  /** Opens the current connection (first time, or after a drop), waiting until it opens or fails. */
  async function connect(reason: OpenReason): Promise<void> {
    if (stopped || connecting) return;
    connecting = true;
    try {
      let tok: MintedToken;
      try {
        // A reconnect reuses the JWT while it is fresh; one the server refused is never reused.
        tok = minted && !tokenRejected && timers.now() < minted.refreshAt ? minted : await mint();
      } catch {
        if (!stopped) scheduleReconnect();
        return;
      }
      if (stopped) return;
      if (current) dispose(current);
      current = open(tok, reason);
      await current.settled;
    } finally {
      connecting = false;
    }
  }

  async function refresh(): Promise<void> {
    if (stopped || !current || incoming) return;
    let tok: MintedToken;
    try {
      tok = await mint();
    } catch {
      if (stopped || !current) return;
      cancelRefresh = later(REFRESH_RETRY_MS, () => {
        cancelRefresh = null;
        void refresh();
      });
      return;
    }
    // Dropped while minting: the reconnect path takes over and uses this token.
    if (stopped || !current) return;
    incoming = open(tok, "refresh");
  }

  return {
    get status() {
      return status;
    },
    async start() {
      if (status !== "idle") return;
      setStatus("connecting");
      await connect("initial");
    },
    reconnect() {
      if (stopped || status === "idle") return;
      cancelReconnect?.();
      cancelReconnect = null;
      cancelRefresh?.();
      cancelRefresh = null;
      if (incoming) dispose(incoming);
      incoming = null;
      if (current) dispose(current);
      current = null;
      setStatus("reconnecting");
      void connect("reconnect");
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      mints.abort(new DOMException("chat closed", "AbortError"));
      for (const handle of scheduled) timers.clearTimeout(handle);
      scheduled.clear();
      const all = [current, incoming, ...retiring].filter((c): c is Connection => c !== null && !c.closed);
      current = null;
      incoming = null;
      retiring.clear();
      setStatus("stopped");
      await Promise.all(
        all.map((conn) => {
          conn.closed = true;
          conn.settle();
          return conn.realtime.disconnect().catch(() => undefined);
        }),
      );
    },
  };
}
