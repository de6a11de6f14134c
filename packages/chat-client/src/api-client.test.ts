import { describe, expect, it } from "vitest";
import { isRetryableError } from "@tenang/booking-core/retry";
import { ApiError, createApiClient, isApiError, RequestTimeoutError } from "./api-client";
import { createServerClock } from "./server-clock";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the one API client", () => {
  it("sends JSON (POST when there is a body) and reads JSON", async () => {
    const seen: RequestInit[] = [];
    const apiFetch = createApiClient({
      fetchImpl: async (_url, init) => {
        seen.push(init);
        return json({ ok: true });
      },
    });
    expect(await apiFetch("/api/x", { body: { a: 1 } })).toEqual({ ok: true });
    expect(seen[0]).toMatchObject({ method: "POST", body: '{"a":1}', cache: "no-store", credentials: "same-origin" });
    expect((seen[0]?.headers as Record<string, string>)["content-type"]).toBe("application/json");
    await apiFetch("/api/x");
    expect(seen[1]).toMatchObject({ method: "GET", body: undefined });
  });

  it("turns a route's error into an ApiError with its code, reason, issues and Retry-After", async () => {
    const apiFetch = createApiClient({
      fetchImpl: async () =>
        new Response(
          JSON.stringify({ error: { code: "slot_unavailable", message: "taken", reason: "r", issues: [] } }),
          { status: 429, headers: { "retry-after": "2" } },
        ),
    });
    const error = await apiFetch("/api/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "slot_unavailable", message: "taken", reason: "r" });
    expect((error as ApiError).retryAfterMs).toBe(2_000);
  });

  it("a failure with no answer is code `network` in every app, worded by the app, and retryable", async () => {
    const apiFetch = createApiClient({
      fetchImpl: () => Promise.reject(new TypeError("Failed to fetch")),
      wording: { network: () => "You are offline" },
    });
    const error = await apiFetch("/api/x").catch((e: unknown) => e);
    expect(isApiError(error, "network")).toBe(true);
    expect((error as ApiError).message).toBe("You are offline");
    expect(isRetryableError(error)).toBe(true);
  });

  it("a timeout is a network failure too", async () => {
    const apiFetch = createApiClient({
      timeoutMs: 10,
      fetchImpl: (_url, init) =>
        new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new Error("aborted")))),
    });
    const error = await apiFetch("/api/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(isApiError(error, "network")).toBe(true);
  });

  it("sets the server clock from a response's serverTime", async () => {
    const clock = createServerClock({ now: () => Date.UTC(2025, 10, 22, 6, 0, 0) });
    const apiFetch = createApiClient({
      clock,
      fetchImpl: async () => json({ serverTime: new Date(Date.UTC(2025, 10, 22, 6, 1, 0)).toISOString() }),
    });
    await apiFetch("/api/x");
    expect(clock.offset()).toBe(60_000);
  });
});
