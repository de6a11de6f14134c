// Real timers that remember which are still pending, so a test can assert close() cancelled every one.
import { systemTimers, type Timers } from "../../src/timers";

export function trackedTimers(): Timers & { pending(): number } {
  const live = new Set<unknown>();
  return {
    setTimeout(callback, ms) {
      const handle = systemTimers.setTimeout(() => {
        live.delete(handle);
        callback();
      }, ms);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      live.delete(handle);
      systemTimers.clearTimeout(handle);
    },
    now: systemTimers.now,
    pending: () => live.size,
  };
}

/** Resolves when `predicate` holds (polled every 10 ms); fails after `timeoutMs`, naming `what`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
