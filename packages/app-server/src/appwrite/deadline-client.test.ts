// Finding 7 (issue 9): with Appwrite frozen, routes hung as long as it was frozen. Every call made through our
// clients has a deadline; these tests freeze a backend for real (a TCP server that accepts and never answers).
import { Account, TablesDB } from "node-appwrite";
import { startServer, type RunningServer } from "@tenang/appwrite-local";
import { startFrozenBackend, type FrozenBackend } from "../testing/frozen-backend";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRouteHandling } from "../http/handle-route";
import { createAppwriteClient } from "./deadline-client";

let frozen: FrozenBackend;
let frozenEndpoint: string;
let live: RunningServer;

beforeAll(async () => {
  frozen = await startFrozenBackend();
  frozenEndpoint = frozen.endpoint;
  live = await startServer({ memory: true, port: 0, projectId: "p", apiKey: "k" });
});

afterAll(async () => {
  await frozen.close();
  await live.close();
});

describe("createAppwriteClient", () => {
  it("gives up on a frozen backend at the deadline with service_unavailable and a retry hint", async () => {
    const client = createAppwriteClient({ endpoint: frozenEndpoint, projectId: "p", timeoutMs: 300 }).setKey("k");
    const started = Date.now();
    const error = await new TablesDB(client).list().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toMatchObject({ code: "service_unavailable" });
    expect((error as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it("which a route answers with 503, Retry-After and a sentence in the caller's language", async () => {
    const client = createAppwriteClient({ endpoint: frozenEndpoint, projectId: "p", timeoutMs: 300 });
    const { handleRoute } = createRouteHandling();
    const route = handleRoute(async () => Response.json(await new Account(client).get()));
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await route(
      new Request("http://app.test/api/x", { headers: { "accept-language": "id" } }) as never,
      {},
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({
      error: { code: "service_unavailable", message: expect.stringMatching(/tidak tersedia/) },
    });
  });

  it("leaves a backend that answers alone (and its own errors stay Appwrite's)", async () => {
    const client = createAppwriteClient({ endpoint: live.url, projectId: "p", timeoutMs: 5000 }).setKey("k");
    await expect(new TablesDB(client).list()).resolves.toMatchObject({ total: 0 });
    await expect(new TablesDB(client).get({ databaseId: "missing" })).rejects.toMatchObject({ code: 404 });
  });
});
