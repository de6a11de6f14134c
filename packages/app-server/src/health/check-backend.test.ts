// Finding 7 (issue 9): /api/health said 200 while Appwrite was frozen. It now asks the backend with a short
// deadline and says down (503) when it does not answer.
import { startServer, type RunningServer } from "@tenang/appwrite-local";
import { startFrozenBackend, type FrozenBackend } from "../testing/frozen-backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBackend, healthResponse } from "./check-backend";

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

describe("checkBackend", () => {
  it("is ok when Appwrite answers in time", async () => {
    const report = await checkBackend({ endpoint: live.url, timeoutMs: 2000 });
    expect(report.status).toBe("ok");
    expect(report.backend.reachable).toBe(true);
    expect(report.backend.latencyMs).toBeGreaterThanOrEqual(0);
    expect(healthResponse(report).status).toBe(200);
  });

  it("is down, and answers 503, when Appwrite is frozen", async () => {
    const started = Date.now();
    const report = await checkBackend({ endpoint: frozenEndpoint, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(report).toMatchObject({ status: "down", backend: { reachable: false } });
    const response = healthResponse(report);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "down" });
  });

  it("is down when nothing listens at all", async () => {
    const report = await checkBackend({ endpoint: "http://127.0.0.1:9/v1", timeoutMs: 300 });
    expect(report.status).toBe("down");
  });
});
