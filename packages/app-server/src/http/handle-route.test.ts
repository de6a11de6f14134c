import { DomainError } from "@tenang/booking-core/errors";
import { AppwriteException } from "node-appwrite";
import { type NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { localeSchema } from "@tenang/booking-core/locale";
import { createRouteHandling, readJson, readOptionalJson } from "./handle-route";
import { DRAIN_LIMIT_BYTES } from "./read-body";

// Configured like the customer app (the superset: reasons and a locale cookie); the dashboards leave both unset.
const { handleRoute, mapError } = createRouteHandling({
  codesWithReason: ["discount_invalid", "slot_unavailable"],
  localeCookie: {
    name: "tenang_locale",
    parse: (value) => {
      const parsed = localeSchema.safeParse(value);
      return parsed.success ? parsed.data : null;
    },
  },
});

afterEach(() => vi.restoreAllMocks());

describe("mapError", () => {
  it.each([
    [new DomainError("not_found", "no therapist x"), 404, "not_found"],
    [new DomainError("validation_failed", "area: bad"), 422, "validation_failed"],
    [new AppwriteException("Invalid credentials", 401, "user_invalid_credentials"), 401, "unauthorized"],
    [new AppwriteException("Rate limit", 429, "general_rate_limit_exceeded"), 429, "rate_limited"],
    // A 404/400 from Appwrite that no repository expected means our configuration or query is wrong.
    [
      new AppwriteException("Table with the requested ID could not be found.", 404, "table_not_found"),
      502,
      "upstream_error",
    ],
    [
      new AppwriteException("Invalid query: Attribute not found in schema: foo", 400, "general_query_invalid"),
      502,
      "upstream_error",
    ],
    [new AppwriteException("Server Error", 500, "general_unknown"), 502, "upstream_error"],
    [new TypeError("fetch failed"), 503, "service_unavailable"],
    [new z.ZodError([]), 500, "internal_error"],
    [new Error("secret internals at /srv/app.ts:12"), 500, "internal_error"],
  ])("maps %o to %i %s", (error, status, code) => {
    const result = mapError(error);
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
    expect(JSON.stringify(result.body)).not.toMatch(/secret internals|Table with|Attribute not found/);
  });

  it("words messages in the caller's language, and passes validation issues on", () => {
    const error = new DomainError("validation_failed", "lat: too big", {
      issues: [{ path: "lat", message: "Terlalu besar" }],
    });
    const result = mapError(error, "id");
    expect(result.body.error.message).toBe("Silakan periksa kolom yang ditandai.");
    expect(result.body.error.issues).toEqual([{ path: "lat", message: "Terlalu besar" }]);
  });

  it("passes on why a discount code or slot was refused, and no other details", () => {
    const refused = new DomainError("discount_invalid", "code X: expired", { details: { problem: "expired" } });
    expect(mapError(refused).body.error.reason).toBe("expired");
    const other = new DomainError("not_found", "x", { details: { problem: "secret" } });
    expect(mapError(other).body.error).not.toHaveProperty("reason");
  });

  it("turns retryAfterMs into a Retry-After header", () => {
    expect(mapError(new DomainError("rate_limited", "slow down", { retryAfterMs: 1500 })).headers).toEqual({
      "Retry-After": "2",
    });
  });
});

describe("handleRoute", () => {
  const request = (method: string, headers: Record<string, string>) =>
    new Request("http://localhost:3000/api/x", { method, headers }) as unknown as NextRequest;

  it("never leaks a stack trace", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const route = handleRoute(async () => {
      throw new Error("boom");
    });
    const response = await route(request("GET", {}), {});
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/boom|at .*\.ts/);
  });

  it("marks answers no-store unless the route chose its own caching", async () => {
    const plain = await handleRoute(async () => Response.json({ ok: true }))(request("GET", {}), {});
    expect(plain.headers.get("cache-control")).toBe("no-store");
    const redirect = await handleRoute(async () => Response.redirect("http://localhost:3000/x", 303))(
      request("GET", {}),
      {},
    );
    expect(redirect.headers.get("cache-control")).toBe("no-store");
    const cached = await handleRoute(async () =>
      Response.json({}, { headers: { "Cache-Control": "public, max-age=60" } }),
    )(request("GET", {}), {});
    expect(cached.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("refuses a cross-site POST and allows a same-origin one", async () => {
    const route = handleRoute(async () => Response.json({ ok: true }));
    const cross = await route(request("POST", { origin: "https://evil.example", host: "localhost:3000" }), {});
    expect(cross.status).toBe(403);
    const same = await route(request("POST", { origin: "http://localhost:3000", host: "localhost:3000" }), {});
    expect(same.status).toBe(200);
  });

  it("answers in the language the visitor chose, over the browser's", async () => {
    const route = handleRoute(async () => {
      throw new DomainError("not_found", "x");
    });
    const response = await route(request("GET", { cookie: "a=1; tenang_locale=id", "accept-language": "en" }), {});
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Tidak ditemukan." } });
  });

  it("answers in Indonesian when the browser prefers it", async () => {
    const route = handleRoute(async () => {
      throw new DomainError("not_found", "x");
    });
    const response = await route(request("GET", { "accept-language": "id-ID,id;q=0.9,en;q=0.8" }), {});
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Tidak ditemukan." } });
  });
});

describe("readOptionalJson", () => {
  it("reads an empty body as {} and refuses a body that is not JSON", async () => {
    const post = (body: string) => new Request("http://localhost/x", { method: "POST", body });
    await expect(readOptionalJson(post(""))).resolves.toEqual({});
    await expect(readOptionalJson(post('{"declineReason":"busy"}'))).resolves.toEqual({ declineReason: "busy" });
    await expect(readOptionalJson(post("nope"))).rejects.toMatchObject({ code: "bad_request" });
  });
});

// Finding 6 (issue 9): a 100 MB anonymous JSON body was read and parsed. Bodies past the route's limit are refused
// with 413 before they are read: a declared Content-Length at once, a chunked body as soon as it counts past it.
describe("body size limits", () => {
  /** A chunked body (no Content-Length) that yields `chunks` pieces of `size` bytes, and says how many were pulled. */
  function chunkedPost(chunks: number, size: number) {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= chunks) return controller.close();
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(" ".repeat(size)));
      },
    });
    const request = new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
    return { request, pulled: () => pulled };
  }

  it("refuses a declared length past the default 16 KB limit without reading the body", async () => {
    const { request, pulled } = chunkedPost(1000, 1024);
    const declared = new Request(request, { headers: { "content-length": String(100 * 1024 * 1024) } });
    await expect(readJson(declared)).rejects.toMatchObject({ code: "payload_too_large" });
    // (A stream pulls a chunk or two ahead on its own; the point is that the 1000 are never read.)
    expect(pulled()).toBeLessThan(5);
  });

  it("refuses a chunked body once it passes the limit, keeping none of the rest", async () => {
    for (const read of [readJson, readOptionalJson]) {
      const { request, pulled } = chunkedPost(100_000, 1024);
      await expect(read(request)).rejects.toMatchObject({ code: "payload_too_large" });
      expect(pulled()).toBeLessThan(40);
    }
  });

  // The refusal used to cancel the body, which in Node destroys the socket while the client still sends: the client
  // read a reset, not the 413. Now the rest is read and dropped after the refusal, and only past the drain limit is
  // the stream cancelled.
  it("never cancels a refused body it can still drop: the rest is read and dropped, up to the drain limit", async () => {
    const cancelled: number[] = [];
    function trackedPost(chunks: number, size: number, headers: Record<string, string> = {}) {
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= chunks) return controller.close();
          pulled += 1;
          controller.enqueue(new Uint8Array(size));
        },
        cancel() {
          cancelled.push(pulled);
        },
      });
      const request = new Request("http://localhost/x", {
        method: "POST",
        body,
        headers,
        duplex: "half",
      } as RequestInit);
      return { request, pulled: () => pulled };
    }
    const declared = trackedPost(100, 1024, { "content-length": String(100 * 1024) });
    await expect(readJson(declared.request)).rejects.toMatchObject({ code: "payload_too_large" });

    const chunked = trackedPost(2000, 1024);
    await expect(readJson(chunked.request)).rejects.toMatchObject({ code: "payload_too_large" });
    await vi.waitFor(() => expect(chunked.pulled()).toBe(2000));
    expect(cancelled).toEqual([]);

    const endless = trackedPost(Number.MAX_SAFE_INTEGER, 1024 * 1024);
    await expect(readJson(endless.request)).rejects.toMatchObject({ code: "payload_too_large" });
    await vi.waitFor(() => expect(cancelled).toHaveLength(1));
    expect(cancelled[0]! * 1024 * 1024).toBeGreaterThan(DRAIN_LIMIT_BYTES);
    expect(cancelled[0]! * 1024 * 1024).toBeLessThan(DRAIN_LIMIT_BYTES + 4 * 1024 * 1024);
  });

  it("answers 413 for a chunked body past the ceiling that the handler refused before reading", async () => {
    const route = handleRoute(async () => {
      throw new DomainError("bad_request", "Idempotency-Key missing");
    });
    const big = chunkedPost(100, 1024);
    const refused = await route(big.request as NextRequest, {});
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: "payload_too_large" } });

    // Within the ceiling, the handler's own answer stands.
    const small = chunkedPost(2, 1024);
    expect((await route(small.request as NextRequest, {})).status).toBe(400);
  });

  it("takes a larger limit where a route needs one, and reads a body within it", async () => {
    const body = JSON.stringify({ text: "x".repeat(20 * 1024) });
    const post = () => new Request("http://localhost/x", { method: "POST", body });
    await expect(readJson(post())).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(readJson(post(), { maxBytes: 64 * 1024 })).resolves.toEqual({ text: "x".repeat(20 * 1024) });
  });

  it("answers 413 in the caller's language", () => {
    const result = mapError(new DomainError("payload_too_large", "body over 16384 bytes"), "id");
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe("payload_too_large");
    expect(result.body.error.message).toMatch(/terlalu besar/i);
  });
});
