// kill -9 during a backup and during a restore (the real CLI in a child process, made to SIGKILL itself inside the
// job so the window is hit every time): after a restart the archive is failed and never listed as completed, and
// the restore is rolled back, with the live database as it was; both work again after the restart.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BackupServices, Backups, Client, Query, TablesDB } from "node-appwrite";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PROJECT = "crash";
const KEY = "crash-key";
const dataDir = mkdtempSync(path.join(tmpdir(), "backups-crash-"));
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

async function launch(port: number, fault?: string): Promise<ChildProcess> {
  const args = ["bin/appwrite-local.js", "--port", String(port), "--data", dataDir, "--project", PROJECT];
  const child = spawn(
    process.execPath,
    [...args, "--api-key", KEY, "--log", process.env.DEBUG_CRASH ? "debug" : "silent"],
    {
      cwd: PACKAGE_DIR,
      stdio: process.env.DEBUG_CRASH ? "inherit" : "ignore",
      env: { ...process.env, APPWRITE_LOCAL_BACKUP_FAULT: fault ?? "" },
    },
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

const client = (port: number) =>
  new Client().setEndpoint(`http://127.0.0.1:${port}/v1`).setProject(PROJECT).setKey(KEY);

async function settle<T extends { status: string }>(get: () => Promise<T>): Promise<T> {
  for (;;) {
    const item = await get();
    if (item.status === "completed" || item.status === "failed") return item;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function rowIds(tables: TablesDB, databaseId: string): Promise<string[]> {
  const { rows } = await tables.listRows({
    databaseId,
    tableId: "t",
    queries: [Query.limit(5000), Query.select(["$id"])],
  });
  return rows.map((r) => r.$id).sort();
}

describe("backups and kill -9", () => {
  it("marks an archive failed when the server dies while writing it", async () => {
    const port = await freePort();
    const first = await launch(port, "kill-during-backup");
    const tables = new TablesDB(client(port));
    await tables.create({ databaseId: "d", name: "D" });
    await tables.createTable({ databaseId: "d", tableId: "t", name: "T" });
    await tables.createVarcharColumn({ databaseId: "d", tableId: "t", key: "v", size: 32, required: true });
    for (let i = 0; i < 10; i++) {
      await tables.createRows({
        databaseId: "d",
        tableId: "t",
        rows: Array.from({ length: 100 }, (_, k) => ({ $id: `r${i * 100 + k}`, v: `value ${k}` })),
      });
    }
    const pending = await new Backups(client(port)).createArchive({
      services: [BackupServices.Databases],
      resourceId: "d",
    });
    await exited(first);
    expect(first.signalCode).toBe("SIGKILL");

    const second = await launch(port);
    const backups = new Backups(client(port));
    expect(await backups.getArchive({ archiveId: pending.$id })).toMatchObject({ status: "failed", size: 0 });
    expect((await backups.listArchives({ queries: [Query.equal("status", "completed")] })).total).toBe(0);
    expect(readdirSync(path.join(dataDir, "backups")).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
    // Backups work again after the restart.
    const { $id: archiveId } = await backups.createArchive({ services: [BackupServices.Databases], resourceId: "d" });
    expect((await settle(() => backups.getArchive({ archiveId }))).status).toBe("completed");
    second.kill("SIGTERM");
    await exited(second);
  }, 60_000);

  it("rolls a restore back when the server dies in the middle of it", async () => {
    const port = await freePort();
    const first = await launch(port, "kill-during-restore");
    const tables = new TablesDB(client(port));
    const backups = new Backups(client(port));
    const { archives } = await backups.listArchives({ queries: [Query.equal("status", "completed")] });
    const archiveId = archives[0]!.$id;
    // Changes after the archive: the restore would undo them; a rolled-back restore must leave them.
    await tables.deleteRow({ databaseId: "d", tableId: "t", rowId: "r0" });
    const before = await rowIds(tables, "d");
    expect(before).toHaveLength(999);
    const pending = await backups.createRestoration({ archiveId, services: [BackupServices.Databases] });
    await exited(first);
    expect(first.signalCode).toBe("SIGKILL");

    const second = await launch(port);
    const after = new TablesDB(client(port));
    const backups2 = new Backups(client(port));
    expect(await backups2.getRestoration({ restorationId: pending.$id })).toMatchObject({ status: "failed" });
    expect(await rowIds(after, "d")).toEqual(before);
    // The same restore, without the fault, completes.
    const { $id: restorationId } = await backups2.createRestoration({
      archiveId,
      services: [BackupServices.Databases],
    });
    expect((await settle(() => backups2.getRestoration({ restorationId }))).status).toBe("completed");
    expect(await rowIds(after, "d")).toHaveLength(1000);
    second.kill("SIGTERM");
    await exited(second);
  }, 60_000);
});
