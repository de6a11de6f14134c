// Issue 9 (origins): the server reflected any Origin with credentials. Like Appwrite (Cors.php, the CSRF check in
// app/controllers/general.php, Validator/Origin.php and realtime's connection check) it now allows only localhost
// (and its loopback spellings 127.0.0.1 / [::1]) on any port plus configured hosts; a client request or realtime
// connection from any other Origin is refused with 403 general_unknown_origin, and no CORS allowance is sent for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startServer, type RunningServer } from "../src/server.ts";

let server: RunningServer;
const projectId = "orig";
const apiKey = "orig-key";

beforeAll(async () => {
  server = await startServer({
    memory: true,
    port: 0,
    projectId,
    apiKey,
    allowedOrigins: ["https://app.tenang.example", "*.preview.example"],
  });
});
afterAll(() => server.close());

function call(origin: string | null, init: { method?: string; key?: boolean; path?: string } = {}) {
  const headers: Record<string, string> = { "x-appwrite-project": projectId, "content-type": "application/json" };
  if (origin !== null) headers.origin = origin;
  if (init.key) headers["x-appwrite-key"] = apiKey;
  const method = init.method ?? "POST";
  return fetch(`${server.url}${init.path ?? "/account/sessions/anonymous"}`, {
    method,
    headers,
    body: method === "POST" ? "{}" : undefined,
  });
}

function realtime(origin: string): Promise<{ first: Record<string, unknown>; closeCode: number | null }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/realtime?project=${projectId}`, {
      headers: { origin },
    });
    let first: Record<string, unknown> | null = null;
    ws.on("message", (data) => {
      first ??= JSON.parse(String(data)) as Record<string, unknown>;
      if (first.type === "connected") {
        ws.close();
      }
    });
    ws.on("close", (code) => resolve({ first: first ?? {}, closeCode: code }));
    ws.on("error", reject);
  });
}

describe("allowed origins", () => {
  it("allows localhost, 127.0.0.1 and [::1] on any port, with credentials", async () => {
    for (const origin of [
      "http://localhost:3000",
      "http://localhost:3111",
      "http://127.0.0.1:5173",
      "http://[::1]:3000",
      "https://localhost",
    ]) {
      const res = await call(origin);
      expect(res.status, origin).toBe(201);
      expect(res.headers.get("access-control-allow-origin"), origin).toBe(origin);
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    }
  });

  it("allows configured hosts (exact, or a *. wildcard), on any port and scheme", async () => {
    for (const origin of [
      "https://app.tenang.example",
      "http://app.tenang.example:8443",
      "https://pr-12.preview.example",
    ]) {
      const res = await call(origin);
      expect(res.status, origin).toBe(201);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    }
  });

  it("answers requests without an Origin (server-side SDKs) as before", async () => {
    expect((await call(null)).status).toBe(201);
  });
});

describe("other origins", () => {
  it("refuses client requests with 403 general_unknown_origin and no CORS allowance", async () => {
    for (const origin of [
      "https://evil.example",
      "http://localhost.evil.example",
      "https://tenang.example",
      "null",
      "file://",
    ]) {
      const res = await call(origin);
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as { type: string }).type).toBe("general_unknown_origin");
      expect(res.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(res.headers.get("access-control-allow-credentials"), origin).toBeNull();
    }
  });

  it("gives a preflight no allowance either", async () => {
    const res = await fetch(`${server.url}/account`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const ok = await fetch(`${server.url}/account`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "GET" },
    });
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });

  it("lets API-key requests through (no browser holds the key), still without a CORS allowance", async () => {
    const res = await call("https://evil.example", { key: true });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a realtime connection from another origin and accepts localhost", async () => {
    const bad = await realtime("https://evil.example");
    expect(bad.first).toMatchObject({ type: "error" });
    expect(bad.closeCode).toBe(1008);
    const good = await realtime("http://localhost:3000");
    expect(good.first).toMatchObject({ type: "connected" });
  });
});
