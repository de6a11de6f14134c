// The browser's one Realtime connection (one per tab, see react.ts), carrying every channel the page listens to: the
// chat's messages, a booking's change signal, the therapist's offers and rows. Each listener is a subscription on
// the same socket (the SDK multiplexes them by subscription id), so one reconnect/backfill policy serves them all.
//
// The connection, not the SDK, owns reconnection: every socket is its own Client + Realtime with the JWT of the
// moment, so a reconnect never reuses an expired JWT (the server refuses it with close code 1008, after which the SDK
// would stop trying) and stop() knows exactly which sockets and timers exist.
//
// - JWT refresh: before the JWT expires (by the refresh margin) a new JWT is minted and a second socket opened with
//   every subscription; once it is open it becomes current, and the old one is closed a moment later (make before
//   break).
// - Drops: the SDK reports a closed socket through onClose; a new socket follows with backoff and jitter.
// - onOpen fires for every socket that opens (and for a listener that joins an open one): listeners backfill then,
//   since events are not replayed.
// - With no listener left the socket closes and every timer and mint is cancelled; the next listener starts afresh.
import { Client, Realtime } from "appwrite";
import type { CallOptions, RealtimeToken } from "./chat-api";
import { systemTimers, type Timers } from "./timers";

/** Refresh the JWT this long before it expires (or halfway through its life, if that is sooner). */
export const DEFAULT_JWT_REFRESH_MARGIN_MS = 60_000;
/** Waits before reconnect attempt 1, 2, 3, … (the last repeats), each ±20 % jitter. The one backoff table. */
export const DEFAULT_RECONNECT_DELAYS_MS: readonly number[] = [250, 1_000, 2_000, 5_000, 10_000, 30_000];
/** How long a replaced socket stays open beside its successor, so no event falls between the two. */
export const DEFAULT_HANDOVER_MS = 2_000;
/** A socket that stayed open this long resets the backoff. */
const STABLE_AFTER_MS = 5_000;
/** A refresh that failed is tried again after this long (the current socket keeps working meanwhile). */
const REFRESH_RETRY_MS = 5_000;

export type RealtimeStatus = "idle" | "connecting" | "live" | "reconnecting" | "stopped";
export type OpenReason = "initial" | "reconnect" | "refresh";

/** What the SDK's Realtime event looks like to us. */
export interface RealtimeEventLike {
  events: string[];
  payload: unknown;
  channels?: string[];
}

/** The part of the SDK's Realtime the connection uses (a fake implements it in unit tests). */
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

/** An event as a listener gets it: the channels it came on, the event names, the row. */
export interface LiveEvent {
  channels: string[];
  events: string[];
  payload: unknown;
}

/** One listener: which channels (given the database the token names), optional queries, and its callbacks. */
export interface LiveListener {
  channels(databaseId: string): string[];
  queries?: string[];
  onEvent(event: LiveEvent): void;
  /** A socket carrying this listener opened (or it joined an open one): backfill what it shows. */
  onOpen?(reason: OpenReason): void;
  onStatus?(status: RealtimeStatus): void;
}

export interface LiveSubscription {
  /** Resolves once the connection attempt under way when it subscribed opened or failed. */
  readonly ready: Promise<void>;
  /** Drops the current socket and connects again now (a stale socket, or the device came back online). */
  reconnect(): void;
  unsubscribe(): void;
}

export interface LiveConnectionOptions {
  mintToken(options: CallOptions): Promise<RealtimeToken>;
  refreshMarginMs?: number;
  reconnectDelaysMs?: readonly number[];
  handoverMs?: number;
  timers?: Timers;
  random?: () => number;
  createRealtime?: (config: RealtimeConnectionConfig) => RealtimeLike;
}

export interface LiveConnection {
  readonly status: RealtimeStatus;
  subscribe(listener: LiveListener): LiveSubscription;
  /** Drops the current socket and connects again now, if anyone listens. */
  reconnect(): void;
  /** Closes every socket, cancels every timer and mint; nothing is delivered afterwards, and nothing reconnects. */
  stop(): Promise<void>;
}

interface MintedToken {
  token: RealtimeToken;
  /** Device time at which to replace it. */
  refreshAt: number;
}

interface Socket {
  realtime: RealtimeLike;
  minted: MintedToken;
  reason: OpenReason;
  openedAt: number | null;
  closed: boolean;
  /** The SDK subscription of each listener on this socket. */
  subscriptions: Map<LiveListener, Promise<{ unsubscribe(): Promise<void> }>>;
  /** Resolves when the socket opened or failed. */
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

export function createLiveConnection(options: LiveConnectionOptions): LiveConnection {
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const createRealtime = options.createRealtime ?? createSdkRealtime;
  const marginMs = options.refreshMarginMs ?? DEFAULT_JWT_REFRESH_MARGIN_MS;
  const delays = options.reconnectDelaysMs ?? DEFAULT_RECONNECT_DELAYS_MS;
  const handoverMs = options.handoverMs ?? DEFAULT_HANDOVER_MS;

  const listeners = new Set<LiveListener>();
  let status: RealtimeStatus = "idle";
  let stopped = false;
  /** Bumped whenever the connection goes idle: a mint or connect begun before belongs to a finished run. */
  let run = 0;
  let current: Socket | null = null;
  let incoming: Socket | null = null; // a refresh's socket, until it opens
  const retiring = new Set<Socket>();
  let minted: MintedToken | null = null;
  let tokenRejected = false;
  let attempts = 0;
  let connecting: Promise<void> | null = null;
  let mints = new AbortController();
  const scheduled = new Set<unknown>();
  let cancelReconnect: (() => void) | null = null;
  let cancelRefresh: (() => void) | null = null;

  function later(ms: number, action: () => void): () => void {
    const handle = timers.setTimeout(() => {
      scheduled.delete(handle);
      action();
    }, ms);
    scheduled.add(handle);
    return () => {
      timers.clearTimeout(handle);
      scheduled.delete(handle);
    };
  }

  function setStatus(next: RealtimeStatus): void {
    if (status === next) return;
    status = next;
    for (const listener of [...listeners]) listener.onStatus?.(next);
  }

  function dispose(socket: Socket): void {
    socket.settle();
    if (socket.closed) return;
    socket.closed = true;
    retiring.delete(socket);
    // disconnect() clears the SDK's own reconnect flag synchronously, before its close handler looks at it.
    socket.realtime.disconnect().catch(() => undefined);
  }

  function scheduleRefresh(socket: Socket): void {
    cancelRefresh?.();
    cancelRefresh = later(Math.max(0, socket.minted.refreshAt - timers.now()), () => {
      cancelRefresh = null;
      void refresh();
    });
  }

  function retryRefreshLater(): void {
    cancelRefresh?.();
    cancelRefresh = later(REFRESH_RETRY_MS, () => {
      cancelRefresh = null;
      void refresh();
    });
  }

  function scheduleReconnect(): void {
    if (stopped || cancelReconnect || listeners.size === 0) return;
    const nominal = delays[Math.min(attempts, delays.length - 1)] ?? 1_000;
    attempts += 1;
    setStatus("reconnecting");
    cancelReconnect = later(Math.round(nominal * (0.8 + 0.4 * random())), () => {
      cancelReconnect = null;
      void connect("reconnect");
    });
  }

  function opened(socket: Socket): void {
    socket.settle();
    if (socket.closed || stopped) return;
    socket.openedAt = timers.now();
    if (socket === incoming) {
      incoming = null;
      const previous = current;
      current = socket;
      if (previous && !previous.closed) {
        retiring.add(previous);
        later(handoverMs, () => dispose(previous));
      }
    }
    if (socket !== current) return;
    setStatus("live");
    scheduleRefresh(socket);
    for (const listener of [...listeners]) listener.onOpen?.(socket.reason);
  }

  function lost(socket: Socket): void {
    socket.settle();
    if (socket.closed) return;
    const wasStable = socket.openedAt !== null && timers.now() - socket.openedAt >= STABLE_AFTER_MS;
    dispose(socket);
    if (stopped) return;
    if (socket === incoming) {
      // The refreshed socket failed; the current one still works. Try the refresh again soon.
      incoming = null;
      retryRefreshLater();
      return;
    }
    if (socket !== current) return;
    current = null;
    cancelRefresh?.();
    cancelRefresh = null;
    if (wasStable) attempts = 0;
    scheduleReconnect();
  }

  function attach(socket: Socket, listener: LiveListener): void {
    const subscription = socket.realtime.subscribe(
      listener.channels(socket.minted.token.databaseId),
      (event) => {
        if (socket.closed || stopped || !socket.subscriptions.has(listener)) return;
        listener.onEvent({ channels: event.channels ?? [], events: event.events, payload: event.payload });
      },
      listener.queries ?? [],
    );
    socket.subscriptions.set(listener, subscription);
    // subscribe() rejects when the socket cannot open; onClose reports the same failure to lost(), which ignores
    // whichever comes second.
    subscription.catch(() => lost(socket));
  }

  function detach(socket: Socket, listener: LiveListener): void {
    const subscription = socket.subscriptions.get(listener);
    if (!subscription) return;
    socket.subscriptions.delete(listener);
    if (!socket.closed) subscription.then((s) => s.unsubscribe()).catch(() => undefined);
  }

  function open(tok: MintedToken, reason: OpenReason): Socket {
    const { endpoint, projectId, jwt } = tok.token;
    const realtime = createRealtime({ endpoint, projectId, jwt });
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const socket: Socket = {
      realtime,
      minted: tok,
      reason,
      openedAt: null,
      closed: false,
      subscriptions: new Map(),
      settled,
      settle,
    };
    realtime.onOpen(() => opened(socket));
    realtime.onClose(() => lost(socket));
    realtime.onError((_error, statusCode) => {
      // The server refuses a bad or expired JWT with an error message, then closes the socket.
      if (statusCode === 401 || statusCode === 403 || statusCode === 1008) tokenRejected = true;
    });
    for (const listener of listeners) attach(socket, listener);
    return socket;
  }

  async function mint(): Promise<MintedToken> {
    const token = await options.mintToken({ signal: mints.signal });
    const now = timers.now();
    minted = { token, refreshAt: now + refreshDelayMs(tokenLifetimeMs(token, now), marginMs) };
    tokenRejected = false;
    return minted;
  }

  /** Opens the current socket (first time, or after a drop), waiting until it opens or fails. */
  function connect(reason: OpenReason): Promise<void> {
    if (stopped || listeners.size === 0) return Promise.resolve();
    connecting ??= (async () => {
      const mine = run;
      try {
        let tok: MintedToken;
        try {
          // A reconnect reuses the JWT while it is fresh; one the server refused is never reused.
          tok = minted && !tokenRejected && timers.now() < minted.refreshAt ? minted : await mint();
        } catch {
          if (!stopped && mine === run) scheduleReconnect();
          return;
        }
        if (stopped || mine !== run) return;
        if (current) dispose(current);
        current = open(tok, reason);
        await current.settled;
      } finally {
        if (mine === run) connecting = null;
      }
    })();
    return connecting;
  }

  async function refresh(): Promise<void> {
    if (stopped || !current || incoming) return;
    const mine = run;
    let tok: MintedToken;
    try {
      tok = await mint();
    } catch {
      if (stopped || !current || mine !== run) return;
      retryRefreshLater();
      return;
    }
    // Dropped while minting: the reconnect path takes over and uses this token.
    if (stopped || !current || mine !== run) return;
    incoming = open(tok, "refresh");
  }

  /** Closes every socket and cancels every timer and mint (the last listener left, or stop()). */
  function shutDown(): Socket[] {
    run += 1;
    connecting = null;
    mints.abort(new DOMException("realtime closed", "AbortError"));
    mints = new AbortController();
    for (const handle of scheduled) timers.clearTimeout(handle);
    scheduled.clear();
    cancelReconnect = null;
    cancelRefresh = null;
    attempts = 0;
    const all = [current, incoming, ...retiring].filter((s): s is Socket => s !== null && !s.closed);
    current = null;
    incoming = null;
    retiring.clear();
    for (const socket of all) {
      socket.closed = true;
      socket.settle();
    }
    return all;
  }

  function reconnectNow(): void {
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
  }

  return {
    get status() {
      return status;
    },
    subscribe(listener) {
      if (stopped) return { ready: Promise.resolve(), reconnect: () => undefined, unsubscribe: () => undefined };
      listeners.add(listener);
      let ready: Promise<void>;
      if (status === "idle") {
        setStatus("connecting");
        ready = connect("initial");
      } else {
        for (const socket of [current, incoming]) if (socket && !socket.closed) attach(socket, listener);
        ready = connecting ?? Promise.resolve();
        if (status === "live") listener.onOpen?.("initial");
      }
      return {
        ready,
        reconnect: reconnectNow,
        unsubscribe() {
          if (!listeners.delete(listener)) return;
          for (const socket of [current, incoming, ...retiring]) if (socket) detach(socket, listener);
          if (listeners.size > 0 || stopped) return;
          for (const socket of shutDown()) socket.realtime.disconnect().catch(() => undefined);
          status = "idle";
        },
      };
    },
    reconnect: reconnectNow,
    async stop() {
      if (stopped) return;
      stopped = true;
      const all = shutDown();
      setStatus("stopped");
      listeners.clear();
      await Promise.all(all.map((socket) => socket.realtime.disconnect().catch(() => undefined)));
    },
  };
}
