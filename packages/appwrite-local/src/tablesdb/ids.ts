// Appwrite IDs: custom keys `[A-Za-z0-9][A-Za-z0-9._-]{0,35}` or `unique()`, which the server turns into a 20-hex ID
// (PHP uniqid() plus 7 random hex digits), the same shape SDK 27's ID.unique() builds on the client.
import { randomBytes } from "node:crypto";

export const MAX_KEY_LENGTH = 36;

export const KEY_DESCRIPTION = `Parameter must contain at most ${MAX_KEY_LENGTH} chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char`;
export const UID_DESCRIPTION = `UID must contain at most ${MAX_KEY_LENGTH} chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore`;

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;

/** Appwrite's Key validator (also UID): no leading special char, at most 36 chars. */
export function isValidKey(value: unknown): value is string {
  return typeof value === "string" && KEY_PATTERN.test(value);
}

/** Appwrite's CustomId validator: a key or the literal `unique()`. */
export function isValidCustomId(value: unknown): value is string {
  return value === "unique()" || isValidKey(value);
}

/** Replaces `unique()` with a generated ID. */
export function resolveCustomId(value: string): string {
  return value === "unique()" ? uniqueId() : value;
}

let lastMicros = 0;
// One getrandom call per 4 KiB of IDs instead of one per ID (it showed up in create-row profiles).
let pool = Buffer.alloc(0);
let poolOffset = 0;

function randomHex7(): string {
  if (poolOffset + 4 > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  const hex = pool.toString("hex", poolOffset, poolOffset + 4).slice(0, 7);
  poolOffset += 4;
  return hex;
}

/** 13 hex digits of time (seconds + microseconds, like PHP uniqid) followed by 7 random hex digits. */
export function uniqueId(): string {
  let micros = Math.floor(performance.timeOrigin * 1000 + performance.now() * 1000);
  // Strictly increasing so IDs created in the same microsecond still sort by creation.
  if (micros <= lastMicros) micros = lastMicros + 1;
  lastMicros = micros;
  const sec = Math.floor(micros / 1_000_000);
  const usec = micros % 1_000_000;
  return sec.toString(16) + usec.toString(16).padStart(5, "0") + randomHex7();
}
