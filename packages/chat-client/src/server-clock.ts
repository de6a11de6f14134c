// The server's clock as this tab knows it. Deadlines come from the server and a phone's clock can be minutes off, so
// every answer that matters for a countdown carries `serverTime` (ISO, the one field name across both apps' routes);
// the API client records it here and countdowns use "device time + offset" instead of trusting the device.
import { systemTimers, type Timers } from "./timers";

/** The response field every route that answers with a deadline sends. */
export const SERVER_TIME_FIELD = "serverTime";

export interface ServerClock {
  /** Records the server's time from a response (ISO) received at `receivedAt` (device time). */
  note(serverTimeIso: string, receivedAt?: number): void;
  /** The server's "now", as well as this device can tell. */
  now(): number;
  /** Server time minus device time, in ms. */
  offset(): number;
  subscribe(listener: () => void): () => void;
}

export function createServerClock(timers: Pick<Timers, "now"> = systemTimers): ServerClock {
  let offsetMs = 0;
  const listeners = new Set<() => void>();
  return {
    note(serverTimeIso, receivedAt = timers.now()) {
      const server = Date.parse(serverTimeIso);
      if (Number.isNaN(server)) return;
      const next = server - receivedAt;
      // Ignore jitter under half a second: it would only make countdowns twitch.
      if (Math.abs(next - offsetMs) < 500) return;
      offsetMs = next;
      for (const listener of [...listeners]) listener();
    },
    now: () => timers.now() + offsetMs,
    offset: () => offsetMs,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The tab's clock: the API client feeds it, the apps' countdowns read it. */
export const serverClock: ServerClock = createServerClock();

/** Shorthand for the tab's server "now". */
export const serverNow = (): number => serverClock.now();
