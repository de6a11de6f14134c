// Countdowns run on the server's clock, not the phone's: a phone a minute off would otherwise show an offer as
// expired (or open) when it is not. Every list response carries `serverTime`; the offset is learned from it.
let offsetMs = 0;

/** Records the server's clock from a response received just now. */
export function noteServerTime(serverTime: string, receivedAt: number = Date.now()): void {
  const server = Date.parse(serverTime);
  if (Number.isFinite(server)) offsetMs = server - receivedAt;
}

/** The server's "now", as well as this device can tell. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}
