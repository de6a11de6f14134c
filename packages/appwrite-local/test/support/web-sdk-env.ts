// Minimal browser globals for the `appwrite` web SDK under Node 20: WebSocket (from `ws`), `window` (the SDK
// calls window.setInterval for its heartbeat) and an in-memory localStorage (where it keeps `cookieFallback`).
import { WebSocket } from "ws";

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
  clear(): void {
    this.items.clear();
  }
}

const g = globalThis as Record<string, unknown>;
g.WebSocket ??= WebSocket;
g.localStorage ??= new MemoryStorage();
g.window ??= globalThis;

/** The shimmed localStorage (Node's lib types have no DOM globals). */
export function localStore(): MemoryStorage {
  return g.localStorage as MemoryStorage;
}

export function resetLocalStorage(): void {
  localStore().clear();
}
