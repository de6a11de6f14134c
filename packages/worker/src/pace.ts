// How long the worker may sleep between looks at the next deadline. The shortest deadline the marketplace creates is
// an offer's (the offer window, from the moment of the offer); a sleep at least a second shorter than that sees every
// new deadline before it passes and then sleeps exactly to it, so each is acted on within a second.
const MIN_SLEEP_MS = 250;

export function maxSleepFor(configuredMs: number, offerWindowMs: number): number {
  return Math.max(MIN_SLEEP_MS, Math.min(configuredMs, offerWindowMs - 1000));
}
