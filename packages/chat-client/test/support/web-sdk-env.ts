// Browser globals the appwrite web SDK's Realtime needs under Node 20, plus a switchboard to break the network:
//   WebSocket     `ws`, subclassed to record every socket and to simulate outages
//   window        setInterval/clearInterval (the SDK's 20 s heartbeat), tracked so tests can see none is left,
//                 and an in-memory localStorage (the SDK reads `cookieFallback` from it)
import { WebSocket as WsWebSocket } from "ws";

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export class TestWebSocket extends WsWebSocket {
  override readonly url: string;
  readonly createdAt = Date.now();
  /** Frames from the server are dropped: the socket looks open but is dead (a silent drop). */
  muted = false;

  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.url = address;
    network.sockets.push(this);
    // Offline: the connection attempt fails the way a browser's does (error, then close).
    if (network.offline) this.terminate();
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === "message" && this.muted) return false;
    return super.emit(event, ...args);
  }
}

export const network = {
  offline: false,
  sockets: [] as TestWebSocket[],
  open(): TestWebSocket[] {
    return this.sockets.filter((s) => s.readyState === WsWebSocket.OPEN || s.readyState === WsWebSocket.CONNECTING);
  },
  /** Cuts every connection at once, as a lost network does (no close handshake). */
  drop(): void {
    for (const socket of this.open()) socket.terminate();
  },
};

const intervals = new Set<ReturnType<typeof setInterval>>();

export function pendingIntervals(): number {
  return intervals.size;
}

const g = globalThis as Record<string, unknown>;
g.WebSocket = TestWebSocket;
g.window = {
  setInterval: (fn: () => void, ms: number) => {
    const handle = setInterval(fn, ms);
    intervals.add(handle);
    return handle;
  },
  clearInterval: (handle: ReturnType<typeof setInterval>) => {
    clearInterval(handle);
    intervals.delete(handle);
  },
  localStorage: new MemoryStorage(),
};
