// Durability: run the real CLI on a data directory, fire concurrent createRow calls, SIGKILL the process mid-stream,
// restart on the same directory, and check that every create that got a 2xx answer is still there.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Client, ID, Query, TablesDB } from "node-appwrite";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PROJECT = "crash";
const KEY = "crash-key";
const dataDir = mkdtempSync(path.join(tmpdir(), "tablesdb-crash-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "bin/appwrite-local.js",
      "--port",
      String(port),
      "--data",
      dataDir,
      "--project",
      PROJECT,
      "--api-key",
      KEY,
      "--log",
      "silent",
    ],
    { cwd: PACKAGE_DIR, stdio: "ignore" },
  );
  children.push(child);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/v1/tablesdb`, {
        headers: { "x-appwrite-project": PROJECT, "x-appwrite-key": KEY },
      });
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

const tables = (port: number) =>
  new TablesDB(new Client().setEndpoint(`http://127.0.0.1:${port}/v1`).setProject(PROJECT).setKey(KEY));

describe("crash safety", () => {
  it("keeps every acknowledged row after SIGKILL", async () => {
    const port = await freePort();
    const first = await launch(port);
    const db = tables(port);
    await db.create({ databaseId: "d", name: "D" });
    await db.createTable({ databaseId: "d", tableId: "t", name: "T" });
    await db.createVarcharColumn({ databaseId: "d", tableId: "t", key: "payload", size: 64, required: true });
    await db.createIntegerColumn({ databaseId: "d", tableId: "t", key: "n", required: false });

    const acknowledged: string[] = [];
    let stop = false;
    let counter = 0;
    const worker = async () => {
      while (!stop) {
        const id = ID.unique();
        try {
          await db.createRow({
            databaseId: "d",
            tableId: "t",
            rowId: id,
            data: { payload: `row ${id}`, n: counter++ },
          });
          acknowledged.push(id);
        } catch {
          return; // the server died under us
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    const waitUntil = Date.now() + 20_000;
    while (acknowledged.length < 300 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 5));
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    first.kill("SIGKILL");
    stop = true;
    await Promise.all(workers);
    await exited(first);
    expect(first.signalCode).toBe("SIGKILL");

    const second = await launch(port);
    const after = tables(port);
    const stored = await after.listRows({
      databaseId: "d",
      tableId: "t",
      queries: [Query.limit(100_000), Query.select(["$id"])],
    });
    const present = new Set(stored.rows.map((r) => r.$id));
    const lost = acknowledged.filter((id) => !present.has(id));
    expect(lost).toEqual([]);
    expect(present.size).toBeGreaterThanOrEqual(acknowledged.length);
    // The database is writable after recovery.
    await after.createRow({ databaseId: "d", tableId: "t", rowId: "after-crash", data: { payload: "ok" } });
    second.kill("SIGTERM");
    await exited(second);
  }, 60_000);
});
