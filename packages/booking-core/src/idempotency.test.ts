import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  IDEMPOTENCY_HEADER,
  beginIdempotentRequest,
  canonicalJson,
  completeIdempotentRequest,
  createIdempotencyKey,
  fingerprint,
  idempotencyKeySchema,
  idempotencyRecordSchema,
  idempotencyRowId,
  type IdempotencyRecord,
} from "./idempotency";

const NOW = Date.parse("2025-11-22T02:00:00.000Z");
const KEY = "3f0c9a52-6a1e-4b7e-9d59-2b8f5f4f0a11";
const request = { key: KEY, scope: "POST /api/bookings user:c1", body: { duration: 60, lat: -8.69 } };

function begin(existing: IdempotencyRecord | null, at = NOW, body: unknown = request.body) {
  return beginIdempotentRequest(existing, { ...request, body }, at);
}
function started(): IdempotencyRecord {
  const d = begin(null);
  if (d instanceof DomainError || d.action !== "proceed") throw new Error("expected proceed");
  return idempotencyRecordSchema.parse(d.record);
}

describe("idempotency keys", () => {
  it("keys are UUID-like and generated per intent", () => {
    expect(IDEMPOTENCY_HEADER).toBe("Idempotency-Key");
    expect(idempotencyKeySchema.safeParse(KEY).success).toBe(true);
    expect(idempotencyKeySchema.safeParse("short").success).toBe(false);
    expect(createIdempotencyKey(() => KEY)).toBe(KEY);
    expect(idempotencyKeySchema.safeParse(createIdempotencyKey()).success).toBe(true);
  });

  it("fingerprints ignore key order and undefined members", () => {
    expect(canonicalJson({ b: 1, a: [1, undefined, { d: 2, c: 3 }], u: undefined })).toBe(
      '{"a":[1,null,{"c":3,"d":2}],"b":1}',
    );
    expect(canonicalJson(undefined)).toBe("null");
    expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(idempotencyRowId(request.scope, KEY)).toMatch(/^idem_[0-9a-f]{14}$/);
  });

  it("the first request proceeds and holds the key for 60 s", () => {
    expect(started()).toMatchObject({
      status: "in_progress",
      lockedUntil: "2025-11-22T02:01:00.000Z",
      expiresAt: "2025-11-23T02:00:00.000Z",
    });
  });

  it("a retry while it runs is a conflict (409) with a wait", () => {
    const e = begin(started(), NOW + 10_000) as DomainError;
    expect(e).toMatchObject({ code: "idempotency_conflict", retryAfterMs: 50_000 });
  });

  it("a retry after it finished replays the stored response", () => {
    const done = completeIdempotentRequest(started(), { status: 201, body: '{"id":"b1"}' });
    expect(begin(done, NOW + 5 * 60_000)).toEqual({ action: "replay", status: 201, body: '{"id":"b1"}' });
    expect(begin({ ...done, responseStatus: null }, NOW + 1)).toEqual({
      action: "replay",
      status: 200,
      body: '{"id":"b1"}',
    });
  });

  it("the same key with a different body is refused (422)", () => {
    expect(begin(started(), NOW + 1000, { duration: 90 })).toMatchObject({ code: "idempotency_mismatch" });
  });

  it("a request abandoned by a crashed worker may be taken over; an expired key starts afresh", () => {
    const takeover = begin(started(), NOW + 61_000);
    expect(takeover).toMatchObject({
      action: "proceed",
      record: { lockedUntil: "2025-11-22T02:02:01.000Z", expiresAt: "2025-11-23T02:00:00.000Z" },
    });
    const done = completeIdempotentRequest(started(), { status: 201, body: null });
    expect(begin(done, NOW + 24 * 3_600_000, { other: true })).toMatchObject({ action: "proceed" });
  });
});
