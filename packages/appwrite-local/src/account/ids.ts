// IDs the server generates (for `unique()`), shaped like Appwrite's ID::unique(): PHP uniqid() (8 hex seconds +
// 5 hex microseconds) plus 7 random hex digits, 20 characters in all.
import { randomBytes } from "node:crypto";

export function uniqueId(): string {
  const nowUs = BigInt(Date.now()) * 1000n + BigInt(process.hrtime()[1] % 1000);
  const sec = nowUs / 1_000_000n;
  const usec = nowUs % 1_000_000n;
  const random = randomBytes(4).toString("hex").slice(0, 7);
  return sec.toString(16).padStart(8, "0") + usec.toString(16).padStart(5, "0") + random;
}

/** Appwrite's CustomId / UID rule: `[A-Za-z0-9][A-Za-z0-9._-]{0,35}`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;
