// The clock and timers the chat runs on. Injectable so tests can run on a fake clock and can prove that close()
// leaves nothing scheduled; the default is the platform's own (browsers and Node share this API).

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

type TimeoutHandle = Parameters<typeof globalThis.clearTimeout>[0];

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as TimeoutHandle),
  now: () => Date.now(),
};

/** A wait on `timers` that rejects with the signal's reason when aborted (the shape withRetry's `sleep` takes). */
export function sleepOn(timers: Timers): (ms: number, signal?: AbortSignal) => Promise<void> {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        timers.clearTimeout(handle);
        reject(signal?.reason);
      };
      const handle = timers.setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
}
