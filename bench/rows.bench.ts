// Row creates per second, and list latency at 100,000 rows with an indexed filter, through node-appwrite against
// the local server (its own process, WAL on disk) — next to raw better-sqlite3 doing the same work in the same run.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, ID, Query, TablesDB, TablesDBIndexType, type Models } from "node-appwrite";
import { spawnLocalServer } from "./lib/spawn-server.ts";
import { fmt, median, percentile } from "./lib/stats.ts";
import { recordSection } from "./lib/record.ts";

const TOTAL_ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CREATE_RUNS = 3;
const CREATES_PER_RUN = Number(process.env.BENCH_CREATES ?? 2_000);
const CONCURRENCY = 8;
const LIST_SAMPLES = 300;
const AREAS = ["seminyak", "canggu", "ubud", "kuta", "sanur", "nusa_dua", "jimbaran", "amed", "lovina", "sidemen"];

const row = (i: number) => ({ area: AREAS[i % AREAS.length]!, n: i, name: `therapist ${i}` });

async function withConcurrency(count: number, worker: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await worker(next++);
    }),
  );
}

async function benchServer(dataDir: string) {
  const server = await spawnLocalServer({ dataDir });
  try {
    return await fillAndMeasure(server);
  } finally {
    await server.stop();
  }
}

async function fillAndMeasure(server: Awaited<ReturnType<typeof spawnLocalServer>>) {
  const client = new Client().setEndpoint(server.endpoint).setProject(server.projectId).setKey(server.apiKey);
  const db = new TablesDB(client);
  await db.create({ databaseId: "bench", name: "bench" });
  await db.createTable({ databaseId: "bench", tableId: "rows", name: "rows" });
  await db.createVarcharColumn({ databaseId: "bench", tableId: "rows", key: "area", size: 16, required: true });
  await db.createIntegerColumn({ databaseId: "bench", tableId: "rows", key: "n", required: true });
  await db.createVarcharColumn({ databaseId: "bench", tableId: "rows", key: "name", size: 64, required: true });
  await db.createIndex({
    databaseId: "bench",
    tableId: "rows",
    key: "idx_area",
    type: TablesDBIndexType.Key,
    columns: ["area"],
  });

  let made = 0;
  const createRates: number[] = [];
  for (let run = 0; run < CREATE_RUNS; run++) {
    const t0 = performance.now();
    await withConcurrency(CREATES_PER_RUN, async () => {
      const i = made++;
      await db.createRow({ databaseId: "bench", tableId: "rows", rowId: ID.unique(), data: row(i) });
    });
    createRates.push(CREATES_PER_RUN / ((performance.now() - t0) / 1000));
  }

  // Fill the rest in bulk (API-key bulk create; Appwrite takes at most 100 rows a request) so the list benchmark runs at full size.
  while (made < TOTAL_ROWS) {
    const batch = Array.from({ length: Math.min(100, TOTAL_ROWS - made) }, () => ({
      $id: ID.unique(),
      ...row(made++),
    }));
    await db.createRows({ databaseId: "bench", tableId: "rows", rows: batch as unknown as Models.Row[] });
  }

  const listMs: number[] = [];
  for (let i = 0; i < LIST_SAMPLES; i++) {
    const t0 = performance.now();
    const res = await db.listRows({
      databaseId: "bench",
      tableId: "rows",
      queries: [Query.equal("area", AREAS[i % AREAS.length]!), Query.limit(25)],
    });
    listMs.push(performance.now() - t0);
    if (res.rows.length !== 25) throw new Error(`expected 25 rows, got ${res.rows.length}`);
  }
  return { createRates, listMs };
}

function benchBaseline(dataDir: string) {
  const db = new Database(path.join(dataDir, "baseline.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(
    "CREATE TABLE rows (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE, area TEXT, n INTEGER, name TEXT, createdAt TEXT, updatedAt TEXT, perms TEXT)",
  );
  db.exec("CREATE INDEX idx_area ON rows(area)");
  const insert = db.prepare(
    "INSERT INTO rows (id, area, n, name, createdAt, updatedAt, perms) VALUES (?, ?, ?, ?, ?, ?, '[]')",
  );
  let made = 0;
  const createRates: number[] = [];
  for (let run = 0; run < CREATE_RUNS; run++) {
    const t0 = performance.now();
    // One commit per row, as the server commits each request before answering.
    for (let k = 0; k < CREATES_PER_RUN; k++) {
      const r = row(made++);
      const now = new Date().toISOString();
      insert.run(`r${made}`, r.area, r.n, r.name, now, now);
    }
    createRates.push(CREATES_PER_RUN / ((performance.now() - t0) / 1000));
  }
  db.transaction(() => {
    while (made < TOTAL_ROWS) {
      const r = row(made++);
      insert.run(`r${made}`, r.area, r.n, r.name, "", "");
    }
  })();
  const select = db.prepare("SELECT * FROM rows WHERE area = ? ORDER BY seq LIMIT 25");
  const listMs: number[] = [];
  for (let i = 0; i < LIST_SAMPLES; i++) {
    const t0 = performance.now();
    const rows = select.all(AREAS[i % AREAS.length]!);
    listMs.push(performance.now() - t0);
    if (rows.length !== 25) throw new Error("baseline returned too few rows");
  }
  db.close();
  return { createRates, listMs };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tenang-bench-rows-"));
try {
  const base = benchBaseline(dir);
  const srv = await benchServer(path.join(dir, "server"));
  const lines = [
    "| measure | local server (node-appwrite → HTTP → SQLite) | baseline (raw better-sqlite3, in process) | ratio |",
    "|---|---|---|---|",
    `| row creates/s, median of ${CREATE_RUNS} runs × ${CREATES_PER_RUN} (concurrency ${CONCURRENCY}) | ${fmt(median(srv.createRates), 0)} | ${fmt(median(base.createRates), 0)} | ${fmt(median(base.createRates) / median(srv.createRates), 1)}× slower |`,
    `| list p50 ms, \`equal(area)\` + limit 25 at ${TOTAL_ROWS.toLocaleString("en")} rows | ${fmt(median(srv.listMs))} | ${fmt(median(base.listMs), 3)} | ${fmt(median(srv.listMs) / median(base.listMs), 0)}× |`,
    `| list p99 ms | ${fmt(percentile(srv.listMs, 99))} | ${fmt(percentile(base.listMs, 99), 3)} | ${fmt(percentile(srv.listMs, 99) / percentile(base.listMs, 99), 0)}× |`,
  ];
  const body = `${lines.join("\n")}\n\nThe server figures include the SDK, HTTP, JSON, permission filtering and the \`total\` count (Appwrite's default, capped at 5,000); the baseline is a bare prepared statement. ${LIST_SAMPLES} list samples.`;
  console.log(body);
  recordSection("rows", "Rows: creates per second and indexed list latency", body);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
