// A stand-in for the appwrite SDK's Realtime in unit tests, behaving as the SDK does at its edges: subscribe()
// resolves when the socket opens and rejects when it cannot, onOpen/onClose callbacks fire around it, and
// disconnect() closes the socket (which fires onClose, as the SDK's close handler does).
import type { RealtimeConnectionConfig, RealtimeEventLike, RealtimeLike } from "../../src/live-connection";
import type { RealtimeToken } from "../../src/chat-api";

interface FakeSubscription {
  channels: string[];
  queries: string[];
  callback: (e: RealtimeEventLike) => void;
}

export class FakeRealtime implements RealtimeLike {
  state: "connecting" | "open" | "closed" = "connecting";
  /** The latest subscription; `subscriptions` holds every one still active (the SDK multiplexes them). */
  subscription: FakeSubscription | null = null;
  subscriptions: FakeSubscription[] = [];
  disconnected = false;
  private readonly opens: Array<() => void> = [];
  private readonly closes: Array<() => void> = [];
  private readonly errors: Array<(error?: Error, statusCode?: number) => void> = [];
  private settle: { resolve: () => void; reject: (e: Error) => void } | null = null;

  constructor(readonly config: RealtimeConnectionConfig) {}

  subscribe(channels: string[], callback: (event: RealtimeEventLike) => void, queries: string[]) {
    const subscription: FakeSubscription = { channels, queries, callback };
    this.subscription = subscription;
    this.subscriptions.push(subscription);
    const handle = {
      unsubscribe: async () => {
        this.subscriptions = this.subscriptions.filter((s) => s !== subscription);
      },
    };
    // On an open socket the SDK sends the subscribe message at once; otherwise it waits for the socket.
    if (this.state === "open") return Promise.resolve(handle);
    return new Promise<{ unsubscribe(): Promise<void> }>((resolve, reject) => {
      this.settle = { resolve: () => resolve(handle), reject };
    });
  }
  onOpen(callback: () => void): void {
    this.opens.push(callback);
  }
  onClose(callback: () => void): void {
    this.closes.push(callback);
  }
  onError(callback: (error?: Error, statusCode?: number) => void): void {
    this.errors.push(callback);
  }
  async disconnect(): Promise<void> {
    this.disconnected = true;
    if (this.state !== "closed") this.close();
  }

  // ---- driven by tests ----

  open(): void {
    this.state = "open";
    for (const f of this.opens) f();
    this.settle?.resolve();
  }
  /** The socket could not connect. */
  fail(): void {
    this.state = "closed";
    for (const f of this.errors) f(new Error("WebSocket error"));
    this.settle?.reject(new Error("WebSocket error"));
    for (const f of this.closes) f();
  }
  /** The server refuses the JWT: an error message, then close. */
  refuse(code = 401): void {
    for (const f of this.errors) f(new Error("Failed to verify JWT. Invalid token: Expired"), code);
    this.close();
  }
  close(): void {
    this.state = "closed";
    for (const f of this.closes) f();
  }
  /** An event, to every subscription listening on one of `channels` (to the latest one when none are given). */
  emit(events: string[], payload: unknown, channels?: string[]): void {
    if (!channels) {
      this.subscription?.callback({ events, payload });
      return;
    }
    for (const s of this.subscriptions) {
      if (s.channels.some((c) => channels.some((e) => e === c || e.startsWith(`${c}.`)))) {
        s.callback({ events, payload, channels });
      }
    }
  }
}

export function fakeRealtimeFactory() {
  const instances: FakeRealtime[] = [];
  return {
    instances,
    create: (config: RealtimeConnectionConfig) => {
      const realtime = new FakeRealtime(config);
      instances.push(realtime);
      return realtime;
    },
    last: (): FakeRealtime => {
      const last = instances.at(-1);
      if (!last) throw new Error("no realtime created yet");
      return last;
    },
  };
}

function base64Url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A token whose JWT says it lives `lifetimeS` seconds (signature not checked by the client). */
export function fakeToken(n: number, nowMs: number, lifetimeS = 900): RealtimeToken {
  const iat = Math.floor(nowMs / 1000);
  return {
    jwt: `${base64Url({ typ: "JWT", alg: "HS256" })}.${base64Url({ userId: "u1", sessionId: "s1", iat, exp: iat + lifetimeS })}.sig${n}`,
    expiresAt: new Date((iat + lifetimeS) * 1000).toISOString(),
    endpoint: "http://appwrite.test/v1",
    projectId: "tenang",
    databaseId: "db1",
  };
}
