// Backups through node-appwrite: policies, on-demand archives, restorations into a new or the same database, storage
// archives on a data directory, the scheduler (driven with an explicit clock) and retention.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BackupServices,
  Backups,
  ID,
  Permission,
  Query,
  Role,
  Storage,
  TablesDB,
  TablesDBIndexType,
  type Models,
} from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { getBackups } from "../src/backups/index.ts";
import { expectAppwriteError, startTestServer, tempDataDir, type TestServer } from "./support/server.ts";

async function waitFor<T extends { status: string }>(get: () => Promise<T>): Promise<T> {
  for (;;) {
    const item = await get();
    if (item.status === "completed" || item.status === "failed") return item;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function allRows(tables: TablesDB, databaseId: string, tableId: string): Promise<Models.DefaultRow[]> {
  const out: Models.DefaultRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await tables.listRows({
      databaseId,
      tableId,
      queries: [Query.limit(500), Query.orderAsc("$sequence"), ...(cursor ? [Query.cursorAfter(cursor)] : [])],
    });
    out.push(...page.rows);
    if (page.rows.length < 500) return out;
    cursor = page.rows.at(-1)!.$id;
  }
}

/** A row without the fields that name where it lives (so rows of two databases compare equal). */
const portable = ({ $databaseId: _d, $tableId: _t, ...rest }: Models.DefaultRow) => rest;

describe("backups API (memory store)", () => {
  let t: TestServer;
  let backups: Backups;
  let tables: TablesDB;
  beforeAll(async () => {
    t = await startTestServer();
    backups = new Backups(t.admin());
    tables = new TablesDB(t.admin());
    await tables.create({ databaseId: "main", name: "Main" });
    await tables.createTable({
      databaseId: "main",
      tableId: "notes",
      name: "Notes",
      permissions: [Permission.read(Role.users())],
      rowSecurity: true,
    });
    await tables.createVarcharColumn({ databaseId: "main", tableId: "notes", key: "body", size: 200, required: true });
    await tables.createIntegerColumn({ databaseId: "main", tableId: "notes", key: "n", required: false });
    await tables.createIndex({
      databaseId: "main",
      tableId: "notes",
      key: "by_n",
      type: TablesDBIndexType.Key,
      columns: ["n"],
    });
    await tables.createIndex({
      databaseId: "main",
      tableId: "notes",
      key: "by_body",
      type: TablesDBIndexType.Fulltext,
      columns: ["body"],
    });
    for (let from = 0; from < 1200; from += 100) {
      await tables.createRows({
        databaseId: "main",
        tableId: "notes",
        rows: Array.from({ length: 100 }, (_, k) => ({
          $id: `note-${from + k}`,
          body: `note ${from + k}`,
          n: from + k,
          $permissions: [Permission.read(Role.user(`u${(from + k) % 7}`))],
        })),
      });
    }
  });
  afterAll(() => t.close());

  it("creates, reads, lists, updates and deletes policies", async () => {
    const created = await backups.createPolicy({
      policyId: "nightly",
      name: "Nightly",
      services: [BackupServices.Databases],
      resourceId: "main",
      retention: 30,
      schedule: "0 18 * * *",
    });
    expect(created).toMatchObject({
      $id: "nightly",
      name: "Nightly",
      services: ["databases"],
      resources: ["main"],
      resourceId: "main",
      resourceType: "database",
      retention: 30,
      schedule: "0 18 * * *",
      type: "full",
      enabled: true,
    });
    expect(await backups.getPolicy({ policyId: "nightly" })).toEqual(created);
    const updated = await backups.updatePolicy({ policyId: "nightly", retention: 7, schedule: "30 2 * * 1" });
    expect(updated).toMatchObject({ retention: 7, schedule: "30 2 * * 1", name: "Nightly", enabled: true });
    const listed = await backups.listPolicies({ queries: [Query.equal("enabled", true)] });
    expect(listed.total).toBe(1);
    expect(listed.policies[0]!.$id).toBe("nightly");
    expect(
      await expectAppwriteError(() =>
        backups.createPolicy({
          policyId: "nightly",
          services: [BackupServices.Databases],
          retention: 1,
          schedule: "@daily",
        }),
      ),
    ).toMatchObject({ code: 409, type: "backup_policy_already_exists" });
    await backups.deletePolicy({ policyId: "nightly" });
    expect(await expectAppwriteError(() => backups.getPolicy({ policyId: "nightly" }))).toMatchObject({
      code: 404,
      type: "backup_policy_not_found",
    });
  });

  it("refuses bad schedules, retentions, services and resources", async () => {
    const base = { policyId: ID.unique(), services: [BackupServices.Databases], retention: 30, schedule: "0 18 * * *" };
    for (const schedule of ["not cron", "61 * * * *", "0 0 18 * * *"]) {
      expect(await expectAppwriteError(() => backups.createPolicy({ ...base, schedule }))).toMatchObject({
        code: 400,
        type: "general_argument_invalid",
      });
    }
    expect(await expectAppwriteError(() => backups.createPolicy({ ...base, retention: 0 }))).toMatchObject({
      code: 400,
    });
    expect(
      await expectAppwriteError(() => backups.createPolicy({ ...base, services: [BackupServices.Functions] })),
    ).toMatchObject({ code: 400, type: "general_argument_invalid" });
    expect(await expectAppwriteError(() => backups.createPolicy({ ...base, resourceId: "nope" }))).toMatchObject({
      code: 404,
      type: "database_not_found",
    });
  });

  it("is for the API key only (backups.* scopes)", async () => {
    const user = await t.signUp();
    expect(await expectAppwriteError(() => new Backups(user.client).listArchives())).toMatchObject({
      code: 401,
      type: "general_unauthorized_scope",
    });
    expect(
      await expectAppwriteError(() => new Backups(t.guest()).createArchive({ services: [BackupServices.Databases] })),
    ).toMatchObject({ code: 401, type: "general_unauthorized_scope" });
  });

  it("backs up a database and restores it under a new ID, rows, permissions and indexes intact", async () => {
    const pending = await backups.createArchive({ services: [BackupServices.Databases], resourceId: "main" });
    expect(pending).toMatchObject({ status: "pending", resourceId: "main", resourceType: "database", policyId: "" });
    const archive = await waitFor(() => backups.getArchive({ archiveId: pending.$id }));
    expect(archive.status).toBe("completed");
    expect(archive.size).toBeGreaterThan(0);
    expect(archive.startedAt).not.toBe("");
    expect(
      (await backups.listArchives({ queries: [Query.equal("status", "completed")] })).archives.map((a) => a.$id),
    ).toContain(archive.$id);

    const started = await backups.createRestoration({
      archiveId: archive.$id,
      services: [BackupServices.Databases],
      newResourceId: "main-copy",
      newResourceName: "Main (restored)",
    });
    const restoration = await waitFor(() => backups.getRestoration({ restorationId: started.$id }));
    expect(restoration).toMatchObject({ status: "completed", archiveId: archive.$id, resources: ["main-copy"] });
    expect(JSON.parse(restoration.options)).toEqual({ newResourceId: "main-copy", newResourceName: "Main (restored)" });

    expect(await tables.get({ databaseId: "main-copy" })).toMatchObject({ name: "Main (restored)" });
    const table = await tables.getTable({ databaseId: "main-copy", tableId: "notes" });
    expect(table).toMatchObject({ rowSecurity: true, $permissions: ['read("users")'] });
    expect(table.indexes.map((i) => [i.key, i.status])).toEqual([
      ["by_n", "available"],
      ["by_body", "available"],
    ]);
    const original = (await allRows(tables, "main", "notes")).map(portable);
    expect(original).toHaveLength(1200);
    expect((await allRows(tables, "main-copy", "notes")).map(portable)).toEqual(original);
    // The restored database is live: the index answers queries and new rows get fresh sequences.
    const hit = await tables.listRows({ databaseId: "main-copy", tableId: "notes", queries: [Query.equal("n", 77)] });
    expect(hit.rows.map((r) => r.$id)).toEqual(["note-77"]);
    const found = await tables.listRows({
      databaseId: "main-copy",
      tableId: "notes",
      queries: [Query.search("body", "1199")],
    });
    expect(found.rows.map((r) => r.$id)).toEqual(["note-1199"]);
    const added = await tables.createRow({
      databaseId: "main-copy",
      tableId: "notes",
      rowId: "new",
      data: { body: "x" },
    });
    expect(Number(added.$sequence)).toBe(1201);
  });

  it("restores over the same database, undoing changes made since the archive", async () => {
    const { $id: archiveId } = await backups.createArchive({
      services: [BackupServices.Databases],
      resourceId: "main",
    });
    const archive = await waitFor(() => backups.getArchive({ archiveId }));
    await tables.deleteRow({ databaseId: "main", tableId: "notes", rowId: "note-5" });
    await tables.updateRow({ databaseId: "main", tableId: "notes", rowId: "note-6", data: { body: "changed" } });
    await tables.deleteColumn({ databaseId: "main", tableId: "notes", key: "n" });
    const { $id: restorationId } = await backups.createRestoration({
      archiveId: archive.$id,
      services: [BackupServices.Databases],
    });
    const restoration = await waitFor(() => backups.getRestoration({ restorationId }));
    expect(restoration.status).toBe("completed");
    expect(await tables.getRow({ databaseId: "main", tableId: "notes", rowId: "note-5" })).toMatchObject({ n: 5 });
    expect(await tables.getRow({ databaseId: "main", tableId: "notes", rowId: "note-6" })).toMatchObject({
      body: "note 6",
    });
    expect((await allRows(tables, "main", "notes")).length).toBe(1200);
  });

  it("runs restorations asked for at once one after the other, each complete", async () => {
    const { $id: archiveId } = await backups.createArchive({
      services: [BackupServices.Databases],
      resourceId: "main",
    });
    await waitFor(() => backups.getArchive({ archiveId }));
    const started = await Promise.all(
      ["twin-a", "twin-b"].map((newResourceId) =>
        backups.createRestoration({ archiveId, services: [BackupServices.Databases], newResourceId }),
      ),
    );
    for (const { $id } of started) {
      expect((await waitFor(() => backups.getRestoration({ restorationId: $id }))).status).toBe("completed");
    }
    for (const databaseId of ["twin-a", "twin-b"]) {
      expect((await tables.listRows({ databaseId, tableId: "notes", queries: [Query.limit(1)] })).total).toBe(1200);
    }
  });

  it("refuses restorations of archives that are not complete, or of services they lack", async () => {
    const { $id: archiveId } = await backups.createArchive({
      services: [BackupServices.Databases],
      resourceId: "main",
    });
    const archive = await waitFor(() => backups.getArchive({ archiveId }));
    expect(
      await expectAppwriteError(() =>
        backups.createRestoration({ archiveId: archive.$id, services: [BackupServices.Storage] }),
      ),
    ).toMatchObject({ code: 400, type: "general_argument_invalid" });
    expect(
      await expectAppwriteError(() =>
        backups.createRestoration({ archiveId: "missing", services: [BackupServices.Databases] }),
      ),
    ).toMatchObject({ code: 404, type: "backup_archive_not_found" });
    expect(
      await expectAppwriteError(() =>
        backups.createRestoration({
          archiveId: archive.$id,
          services: [BackupServices.Databases],
          newResourceId: "main-copy",
        }),
      ),
    ).toMatchObject({ code: 409, type: "database_already_exists" });
    await backups.deleteArchive({ archiveId: archive.$id });
    expect(await expectAppwriteError(() => backups.getArchive({ archiveId: archive.$id }))).toMatchObject({
      code: 404,
    });
    expect(await expectAppwriteError(() => backups.getRestoration({ restorationId: "missing" }))).toMatchObject({
      code: 404,
      type: "backup_restoration_not_found",
    });
  });

  it("runs a policy on its schedule and deletes its archives after the retention", async () => {
    const { service, scheduler } = getBackups(t.server.app)!;
    await backups.createPolicy({
      policyId: "daily-wita",
      services: [BackupServices.Databases],
      resourceId: "main",
      retention: 2,
      // 02:00 WITA (UTC+8) is 18:00 UTC.
      schedule: "0 18 * * *",
    });
    const created = new Date((await backups.getPolicy({ policyId: "daily-wita" })).$createdAt);
    // Day 0 is the day of the policy's first 18:00 UTC slot.
    const first0 = created.getUTCDate() + (created.getUTCHours() >= 18 ? 1 : 0);
    const day = (n: number, h: number) =>
      new Date(Date.UTC(created.getUTCFullYear(), created.getUTCMonth(), first0 + n, h));
    expect(scheduler.tick(day(0, 17))).toEqual([]);
    const [first] = scheduler.tick(day(0, 18));
    expect(first).toBeDefined();
    expect(scheduler.tick(day(0, 19))).toEqual([]);
    await service.idle();
    const archive = await backups.getArchive({ archiveId: first! });
    expect(archive).toMatchObject({ policyId: "daily-wita", status: "completed" });
    // Three missed days run once, not three times.
    expect(scheduler.tick(day(3, 19))).toHaveLength(1);
    await service.idle();
    // Retention is counted from the archive's creation (now, in real time): 3 days later it is gone.
    scheduler.tick(new Date(Date.now() + 3 * 86_400_000));
    await service.idle();
    expect(await expectAppwriteError(() => backups.getArchive({ archiveId: first! }))).toMatchObject({ code: 404 });
    await backups.updatePolicy({ policyId: "daily-wita", enabled: false });
    expect(scheduler.tick(day(9, 19))).toEqual([]);
  });
});

describe("backups API (data directory, storage)", () => {
  const data = tempDataDir();
  let t: TestServer;
  afterAll(async () => {
    await t.close();
    data.cleanup();
  });

  it("archives a bucket's files and restores them, replacing what changed", async () => {
    t = await startTestServer({ dataDir: data.dir });
    const backups = new Backups(t.admin());
    const storage = new Storage(t.admin());
    await storage.createBucket({ bucketId: "photos", name: "Photos", permissions: [Permission.read(Role.any())] });
    const blobs = Array.from({ length: 5 }, () => randomBytes(20_000));
    for (const [i, blob] of blobs.entries()) {
      await storage.createFile({ bucketId: "photos", fileId: `p${i}`, file: InputFile.fromBuffer(blob, `p${i}.bin`) });
    }
    const { $id: archiveId } = await backups.createArchive({
      services: [BackupServices.Storage],
      resourceId: "photos",
    });
    const archive = await waitFor(() => backups.getArchive({ archiveId }));
    expect(archive).toMatchObject({ status: "completed", resourceType: "bucket" });
    expect(archive.size).toBeGreaterThan(5 * 20_000);

    await storage.deleteFile({ bucketId: "photos", fileId: "p0" });
    await storage.createFile({
      bucketId: "photos",
      fileId: "late",
      file: InputFile.fromBuffer(randomBytes(10), "late.bin"),
    });
    const { $id: restorationId } = await backups.createRestoration({
      archiveId: archive.$id,
      services: [BackupServices.Storage],
    });
    const restoration = await waitFor(() => backups.getRestoration({ restorationId }));
    expect(restoration.status).toBe("completed");
    const files = await storage.listFiles({ bucketId: "photos" });
    expect(files.files.map((f) => f.$id).sort()).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    for (const [i, blob] of blobs.entries()) {
      const got = Buffer.from(await storage.getFileDownload({ bucketId: "photos", fileId: `p${i}` }));
      expect(sha(got)).toBe(sha(blob));
    }
  });
});
