import { describe, expect, it } from "vitest";
import { DomainError, domainErrorCodes, httpStatusFor, isDomainError, userMessageFor } from "./errors";

describe("DomainError", () => {
  it("carries a code, details, issues and retryAfterMs", () => {
    const e = new DomainError("rate_limited", "slow down", {
      retryAfterMs: 1000,
      details: { a: 1 },
      issues: [{ path: "x", message: "y" }],
    });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: "DomainError",
      code: "rate_limited",
      message: "slow down",
      retryAfterMs: 1000,
      details: { a: 1 },
    });
    expect(e.issues).toEqual([{ path: "x", message: "y" }]);
    expect(new DomainError("not_found", "gone")).toMatchObject({ details: {}, issues: [], retryAfterMs: undefined });
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
  });

  it.each([
    ["bad_request", 400],
    ["validation_failed", 422],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["provider_restricted", 403],
    ["not_found", 404],
    ["invalid_transition", 409],
    ["version_conflict", 409],
    ["no_longer_available", 409],
    ["overlapping_booking", 409],
    ["idempotency_conflict", 409],
    ["idempotency_mismatch", 422],
    ["active_booking_exists", 409],
    ["scheduled_limit_reached", 409],
    ["already_rated", 409],
    ["whatsapp_in_use", 409],
    ["discount_invalid", 422],
    ["slot_unavailable", 422],
    ["payload_too_large", 413],
    ["rate_limited", 429],
    ["service_unavailable", 503],
  ] as const)("maps %s to HTTP %i", (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
  });

  it("has a user-facing sentence for every code in both languages", () => {
    for (const code of domainErrorCodes) {
      const en = userMessageFor(code, "en");
      const id = userMessageFor(code, "id");
      expect(en.length).toBeGreaterThan(5);
      expect(id.length).toBeGreaterThan(5);
      expect(id).not.toBe(en);
    }
  });
});
