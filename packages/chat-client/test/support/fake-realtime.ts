// A stand-in for the appwrite SDK's Realtime in unit tests, behaving as the SDK does at its edges: subscribe()
// resolves when the socket opens and rejects when it cannot, onOpen/onClose callbacks fire around it, and
// disconnect() closes the socket (which fires onClose, as the SDK's close handler does).
import type { RealtimeConnectionConfig, RealtimeEventLike, RealtimeLike } from "../../src/realtime";
import type { RealtimeToken } from "../../src/chat-api";

export class FakeRealtime implements RealtimeLike {
  state: "connecting" | "open" | "closed" = "connecting";
  subscription: { channels: string[]; queries: string[]; callback: (e: RealtimeEventLike) => void } | null = null;
  disconnected = false;
  private readonly opens: Array<() => void> = [];
  private readonly closes: Array<() => void> = [];
  private readonly errors: Array<(error?: Error, statusCode?: number) => void> = [];
  private settle: { resolve: () => void; reject: (e: Error) => void } | null = null;

  constructor(readonly config: RealtimeConnectionConfig) {}

  subscribe(channels: string[], callback: (event: RealtimeEventLike) => void, queries: string[]) {
    this.subscription = { channels, queries, callback };
    return new Promise<{ unsubscribe(): Promise<void> }>((resolve, reject) => {
      this.settle = { resolve: () => resolve({ unsubscribe: async () => undefined }), reject };
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
  emit(events: string[], payload: unknown): void {
    this.subscription?.callback({ events, payload });
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
