// Realtime delivery latency from a row write to 1,000 subscribed sockets, against a bare `ws` broadcast server
// measured in the same run. Latency = time from the start of the write request to each socket's receipt.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { Client, ID, Permission, Role, TablesDB } from "node-appwrite";
import { freePort, spawnLocalServer, waitForPort } from "./lib/spawn-server.ts";
import { fmt, median, percentile } from "./lib/stats.ts";
import { recordSection } from "./lib/record.ts";

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const WRITES = Number(process.env.BENCH_WRITES ?? 50);
const here = path.dirname(fileURLToPath(import.meta.url));

interface Round {
  latencies: number[];
  lastDelivery: number[];
}

async function openSockets(url: string, onOpen: (ws: WebSocket) => Promise<void>): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  // Connect in batches so the accept queue is not flooded.
  for (let i = 0; i < SOCKETS; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, SOCKETS - i) }, async () => {
        const ws = new WebSocket(url);
        await onOpen(ws);
        return ws;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

async function measure(
  sockets: WebSocket[],
  idOf: (msg: unknown) => string | null,
  write: (id: string) => Promise<void>,
): Promise<Round> {
  const latencies: number[] = [];
  const lastDelivery: number[] = [];
  for (let w = 0; w < WRITES; w++) {
    const id = ID.unique();
    let received = 0;
    let last = 0;
    const t0 = performance.now();
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${received}/${sockets.length} deliveries for write ${w}`)),
        30_000,
      );
      for (const ws of sockets) {
        const onMessage = (data: WebSocket.RawData) => {
          if (idOf(JSON.parse(data.toString())) !== id) return;
          ws.off("message", onMessage);
          const dt = performance.now() - t0;
          latencies.push(dt);
          last = Math.max(last, dt);
          if (++received === sockets.length) {
            clearTimeout(timer);
            resolve();
          }
        };
        ws.on("message", onMessage);
      }
    });
    await write(id);
    await done;
    lastDelivery.push(last);
  }
  return { latencies, lastDelivery };
}

async function benchServer(): Promise<Round> {
  const server = await spawnLocalServer({});
  try {
    return await subscribeAndMeasure(server);
  } finally {
    await server.stop();
  }
}

async function subscribeAndMeasure(server: Awaited<ReturnType<typeof spawnLocalServer>>): Promise<Round> {
  const client = new Client().setEndpoint(server.endpoint).setProject(server.projectId).setKey(server.apiKey);
  const db = new TablesDB(client);
  await db.create({ databaseId: "bench", name: "bench" });
  await db.createTable({
    databaseId: "bench",
    tableId: "messages",
    name: "messages",
    permissions: [Permission.read(Role.any())],
  });
  await db.createVarcharColumn({ databaseId: "bench", tableId: "messages", key: "text", size: 256, required: true });

  const wsUrl = `${server.endpoint.replace(/^http/, "ws")}/realtime?project=${server.projectId}`;
  const channel = "tablesdb.bench.tables.messages.rows";
  const sockets = await openSockets(
    wsUrl,
    (ws) =>
      new Promise<void>((resolve, reject) => {
        ws.once("error", reject);
        ws.on("message", function onMsg(data) {
          const msg = JSON.parse(data.toString()) as { type: string; data?: { to?: string } };
          if (msg.type === "connected") {
            ws.send(
              JSON.stringify({
                type: "subscribe",
                data: [{ subscriptionId: ID.unique(), channels: [channel], queries: [] }],
              }),
            );
          } else if (msg.type === "response" && msg.data?.to === "subscribe") {
            ws.off("message", onMsg);
            resolve();
          }
        });
      }),
  );
  const round = await measure(
    sockets,
    (m) =>
      (m as { type?: string; data?: { payload?: { $id?: string } } }).type === "event"
        ? (m as { data: { payload: { $id: string } } }).data.payload.$id
        : null,
    async (id) => {
      await db.createRow({ databaseId: "bench", tableId: "messages", rowId: id, data: { text: "Terima kasih!" } });
    },
  );
  for (const ws of sockets) ws.terminate();
  return round;
}

async function benchBaseline(): Promise<Round> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "lib/bare-ws-server.ts"), String(port)], {
    stdio: "inherit",
  });
  await waitForPort(port);
  const sockets = await openSockets(
    `ws://127.0.0.1:${port}`,
    (ws) =>
      new Promise((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      }),
  );
  const round = await measure(
    sockets,
    (m) => (m as { id?: string }).id ?? null,
    async (id) => {
      await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: JSON.stringify({ id, text: "Terima kasih!" }) });
    },
  );
  for (const ws of sockets) ws.terminate();
  child.kill("SIGTERM");
  return round;
}

const base = await benchBaseline();
const srv = await benchServer();
const row = (label: string, s: number[], b: number[]) =>
  `| ${label} | ${fmt(median(s))} / ${fmt(percentile(s, 99))} | ${fmt(median(b))} / ${fmt(percentile(b, 99))} | ${fmt(median(s) / median(b), 1)}× / ${fmt(percentile(s, 99) / percentile(b, 99), 1)}× |`;
const body =
  [
    `| ${SOCKETS} sockets, ${WRITES} writes | local server p50 / p99 ms | bare \`ws\` broadcast p50 / p99 ms | ratio p50 / p99 |`,
    "|---|---|---|---|",
    row("write start → each socket's receipt", srv.latencies, base.latencies),
    row("write start → last of the sockets", srv.lastDelivery, base.lastDelivery),
  ].join("\n") +
  `\n\nThe server's path: node-appwrite createRow → HTTP → SQLite commit → permission + channel match → ${SOCKETS} sends. The baseline's: HTTP POST → ${SOCKETS} sends. Clients are raw \`ws\` sockets speaking the Appwrite realtime protocol, in the benchmark process; each server runs in its own process.`;
console.log(body);
recordSection("realtime", "Realtime: delivery latency to 1,000 subscribed sockets", body);
