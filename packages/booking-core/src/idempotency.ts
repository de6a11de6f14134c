// Idempotency keys for mutating requests. The client makes one key per user intent (one tap on "Confirm & search")
// and sends it with every retry of that request (header Idempotency-Key). The server keeps a record per key and
// scope: the first request proceeds, a retry after it finished replays the stored response, a retry while it is
// still running gets 409, and the same key with a different body gets 422 (as the IETF Idempotency-Key draft says).
import * as z from "zod";
import { DomainError } from "./errors";
import { hash53 } from "./hash";
import { HOUR_MS, toIso, toMs } from "./time";
import { utcDateTimeSchema } from "./schemas/common";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * HOUR_MS;
/** How long an unfinished request holds its key before a retry may take over (the first worker died). */
export const IDEMPOTENCY_LOCK_MS = 60_000;

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** A fresh key (a UUID). `randomUUID` is injectable for tests; browsers and Node 20 both have crypto.randomUUID. */
export function createIdempotencyKey(randomUUID: () => string = () => crypto.randomUUID()): string {
  return randomUUID();
}

/** JSON with object keys sorted (and undefined members dropped), so equal bodies serialise equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1)); // object keys are unique
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** A short fingerprint of a request body. */
export function fingerprint(body: unknown): string {
  return hash53(canonicalJson(body));
}

export const idempotencyRecordSchema = z.object({
  key: idempotencyKeySchema,
  /** Who and what: e.g. "POST /api/bookings user:abc". A key is only ever compared within its scope. */
  scope: z.string().min(1).max(200),
  fingerprint: z.string(),
  status: z.enum(["in_progress", "completed"]),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  lockedUntil: utcDateTimeSchema,
  expiresAt: utcDateTimeSchema,
});
export type IdempotencyRecord = z.infer<typeof idempotencyRecordSchema>;

/** The row id of a key's record (deterministic, so two racing first requests collide on insert). */
export function idempotencyRowId(scope: string, key: string): string {
  return `idem_${hash53(`${scope}\n${key}`)}`;
}

export type IdempotencyDecision =
  { action: "proceed"; record: IdempotencyRecord } | { action: "replay"; status: number; body: string | null };

/**
 * What to do with a request carrying `key`, given the stored record (or null). `proceed` returns the record to store
 * before doing the work; `replay` returns the stored response. Errors: idempotency_conflict (still running),
 * idempotency_mismatch (same key, different body).
 */
export function beginIdempotentRequest(
  existing: IdempotencyRecord | null,
  request: { key: string; scope: string; body: unknown },
  now: Date | number,
): IdempotencyDecision | DomainError {
  const nowMs = toMs(now);
  const print = fingerprint(request.body);
  const fresh: IdempotencyRecord = {
    key: request.key,
    scope: request.scope,
    fingerprint: print,
    status: "in_progress",
    responseStatus: null,
    responseBody: null,
    lockedUntil: toIso(nowMs + IDEMPOTENCY_LOCK_MS),
    expiresAt: toIso(nowMs + IDEMPOTENCY_TTL_MS),
  };
  if (existing === null || nowMs >= toMs(existing.expiresAt)) return { action: "proceed", record: fresh };
  if (existing.fingerprint !== print) {
    return new DomainError("idempotency_mismatch", "idempotency key reused with a different request");
  }
  if (existing.status === "completed") {
    return { action: "replay", status: existing.responseStatus ?? 200, body: existing.responseBody };
  }
  if (nowMs < toMs(existing.lockedUntil)) {
    return new DomainError("idempotency_conflict", "a request with this key is still being processed", {
      retryAfterMs: toMs(existing.lockedUntil) - nowMs,
    });
  }
  return { action: "proceed", record: { ...fresh, expiresAt: existing.expiresAt } };
}

/** The record to store once the work is done, so retries replay this response. */
export function completeIdempotentRequest(
  record: IdempotencyRecord,
  response: { status: number; body: string | null },
): IdempotencyRecord {
  return { ...record, status: "completed", responseStatus: response.status, responseBody: response.body };
}
