// Issue 9, findings 4, 5 (low), 6 and 7 under the real start path (app-server's bin/serve.mjs, which the apps'
// `start` script and the e2e kit run): client addresses from the socket, malformed paths, oversized bodies, and a
// frozen backend.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type RunningApp } from "@tenang/testing/next-app";

let stack: LocalStack;
let direct: RunningApp;
let proxied: RunningApp;

beforeAll(async () => {
  stack = await startLocalStack();
  // Two servers of the same build on one backend: one reached directly, one behind a (pretend) proxy of ours.
  [direct, proxied] = await Promise.all([
    startNextApp("customer", stack.appEnv),
    startNextApp("customer", { ...stack.appEnv, TRUSTED_PROXY_HOPS: "1" }),
  ]);
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
  await stack?.close();
});

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("client address (finding 4)", () => {
  it("keys new guest sessions on the socket: a fresh X-Forwarded-For / X-Real-IP per request changes nothing", async () => {
    const start = (i: number) =>
      fetch(`${direct.url}/api/session`, {
        method: "POST",
        headers: { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `203.0.113.${i}` },
      });
    // Appwrite's own figure: 50 new anonymous sessions an hour per client.
    for (let i = 0; i < 50; i += 1) expect((await start(i)).status).toBe(200);
    const refused = await start(50);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await errorCode(refused)).toBe("rate_limited");
  });

  it("behind N trusted proxies, keys on the address they saw; what the client wrote further left is ignored", async () => {
    const start = (forwardedFor: string, cookie?: string) =>
      fetch(`${proxied.url}/api/session`, {
        method: "POST",
        headers: { "x-forwarded-for": forwardedFor, ...(cookie ? { cookie } : {}) },
      });
    for (let i = 0; i < 50; i += 1) expect((await start(`10.9.${i}.1, 192.0.2.23`)).status).toBe(200);
    expect((await start("10.9.99.1, 192.0.2.23")).status).toBe(429);
    // Another client behind the same proxy, and a guest who already has a session, are not affected.
    const other = await start("192.0.2.24");
    expect(other.status).toBe(200);
    const cookie = other.headers.get("set-cookie")!.split(";")[0]!;
    expect((await start("192.0.2.23", cookie)).status).toBe(200);
  });
});

describe("malformed paths (issue 9, low)", () => {
  it.each(["/api/bookings/%E0%A4%A", "/api/bookings/%zz/messages", "/bookings/%zz", "/therapists/%E0%A4%A"])(
    "answers %s with 400, never 500",
    async (path) => {
      const response = await fetch(`${direct.url}${path}`, { headers: { "accept-language": "id" } });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: "bad_request", message: "Permintaan tidak dapat dibaca." },
      });
    },
  );
});

describe("body size (finding 6)", () => {
  it("refuses a 100 MB JSON body with 413 without reading it", async () => {
    const body = new Uint8Array(100 * 1024 * 1024).fill(0x20);
    const started = Date.now();
    const response = await fetch(`${direct.url}/api/locale`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }).catch((error: unknown) => error);
    // Either the 413 arrives, or the server closed the connection on the unread body after answering it.
    if (response instanceof Response) {
      expect(response.status).toBe(413);
      expect(await errorCode(response)).toBe("payload_too_large");
    } else {
      expect(String((response as Error).cause ?? response)).toMatch(/EPIPE|ECONNRESET|other side closed|socket/i);
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("refuses a chunked body once it streams past the limit", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 4096) return controller.close();
        sent += 1;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    const response = await fetch(`${direct.url}/api/locale`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit).catch((error: unknown) => error);
    if (response instanceof Response) expect(response.status).toBe(413);
    expect(sent).toBeLessThan(4096);
  });
});

describe("frozen backend (finding 7)", () => {
  let frozen: net.Server;
  let app: RunningApp;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    frozen = net.createServer((socket) => void sockets.add(socket)); // accepts, never answers
    await new Promise<void>((resolve) => frozen.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(frozen.address() as net.AddressInfo).port}/v1`;
    app = await startNextApp("customer", { ...stack.appEnv, APPWRITE_ENDPOINT: endpoint, APPWRITE_TIMEOUT_MS: "1000" });
  });
  afterAll(async () => {
    await app?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => frozen.close(resolve));
  });

  it("answers a route with 503 and Retry-After at the deadline instead of hanging", async () => {
    const started = Date.now();
    const response = await fetch(`${app.url}/api/session`, { method: "POST" });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await errorCode(response)).toBe("service_unavailable");
  });

  it("reports the backend as down on /api/health (503)", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "down", backend: { reachable: false } });
    const healthy = await fetch(`${direct.url}/api/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: "ok", backend: { reachable: true } });
  });
});

describe("guest session lifetime (issue 9: sessions lasted a year)", () => {
  it("gives a new guest a month of idle time with a signed activity stamp, renewed on use", async () => {
    const expiry = (cookies: string[], name: string) => {
      const cookie = cookies.find((c) => c.startsWith(`${name}=`));
      const expires = /expires=([^;]+)/i.exec(cookie ?? "")?.[1];
      return expires ? (Date.parse(expires) - Date.now()) / 86400_000 : null;
    };
    // From the proxied server (its own per-IP bucket; the direct one's is used up above).
    const created = await fetch(`${proxied.url}/api/session`, {
      method: "POST",
      headers: { "x-forwarded-for": "192.0.2.77" },
    });
    expect(created.status).toBe(200);
    const setCookies = created.headers.getSetCookie();
    expect(expiry(setCookies, "tenang_guest")).toBeGreaterThan(29);
    expect(expiry(setCookies, "tenang_guest")).toBeLessThanOrEqual(30.01);
    expect(expiry(setCookies, "tenang_guest_seen")).toBeGreaterThan(29);

    const cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
    const used = await fetch(`${proxied.url}/api/session`, { method: "POST", headers: { cookie } });
    expect(used.status).toBe(200);
    expect(used.headers.getSetCookie().some((c) => c.startsWith("tenang_guest_seen="))).toBe(true);
  });
});
