"use client";

import { useSyncExternalStore } from "react";

// Deadlines come from the server's clock. A phone's clock can be minutes off, so every booking answer carries the
// server's `now`, and countdowns use "device time + offset" instead of trusting the device.
let offsetMs = 0;
const listeners = new Set<() => void>();

/** Records the server's time from a response (`now`, ISO) as the offset to this device's clock. */
export function syncServerClock(serverNowIso: string, receivedAt: number = Date.now()): void {
  const serverNow = Date.parse(serverNowIso);
  if (Number.isNaN(serverNow)) return;
  const next = serverNow - receivedAt;
  // Ignore jitter under half a second: it would only make countdowns twitch.
  if (Math.abs(next - offsetMs) < 500) return;
  offsetMs = next;
  for (const listener of listeners) listener();
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

export function useServerClockOffset(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => offsetMs,
    () => 0,
  );
}
