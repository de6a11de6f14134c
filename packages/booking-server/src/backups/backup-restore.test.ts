// The proof (issue 14): a realistic database (≥ 50,000 rows incl. chat messages and commissions, plus files) is
// backed up, destroyed and restored, and every row and file hash compared: through the portable export/import
// (through the SDK only) and through the Backups API of the local server. Plus a restore that dies part-way and
// resumes from its checkpoint.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupServices, Backups, Client } from "node-appwrite";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { applySchema } from "@tenang/db/apply-schema";
import { buckets, tables } from "@tenang/db/schema";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { createBookingServerContext, type BookingServerContext } from "../context.ts";
import { EXPORTED_BUCKETS, readAllFiles, readAllRows } from "./export-data.ts";
import { EXPORTED_TABLES, portableRow } from "./export-format.ts";
import { restoreBackup, runBackup } from "./run-backup.ts";
import { listBackupRuns } from "./backup-run-repository.ts";
import { PROOF_SIZES, seedProofData } from "./proof-data.ts";

const { messages: MESSAGES, commissions: COMMISSIONS } = PROOF_SIZES;

let stack: LocalStack;
let ctx: BookingServerContext;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  stack = await startLocalStack({ seed: false });
  ctx = createBookingServerContext({ ...stack, databaseId: stack.databaseId });
  await seedProofData(ctx);
}, 300_000);
afterAll(() => stack.close());

/** Every row of every exported table (portable form) and every file's hash: what must survive. */
async function snapshot(c: BookingServerContext) {
  const rows: Record<string, unknown[]> = {};
  for (const table of EXPORTED_TABLES) {
    rows[table] = [];
    for await (const row of readAllRows(c, table)) rows[table].push(portableRow(row));
  }
  const files: Record<string, string> = {};
  for (const bucket of EXPORTED_BUCKETS) {
    for await (const f of readAllFiles(c, bucket)) {
      files[`${bucket}/${f.$id}`] = sha(
        Buffer.from(await c.storage.getFileDownload({ bucketId: bucket, fileId: f.$id })),
      );
    }
  }
  return { rows, files };
}

/** Deletes the database and every exported file, then sets up the empty schema again (as on a fresh server). */
async function destroy(databaseId: string) {
  await ctx.tablesDB.delete({ databaseId });
  for (const bucket of EXPORTED_BUCKETS) {
    for await (const f of readAllFiles(ctx, bucket)) await ctx.storage.deleteFile({ bucketId: bucket, fileId: f.$id });
  }
}

const setUp = (databaseId: string) => applySchema({ ...stack.admin, databaseId }, { tables, buckets }, { pollMs: 10 });

describe("backup → destroy → restore", () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    before = await snapshot(ctx);
  }, 120_000);

  it("holds at least 50,000 rows and some files", () => {
    const total = Object.values(before.rows).reduce((n, r) => n + r.length, 0);
    expect(total).toBeGreaterThanOrEqual(50_000);
    expect(Object.keys(before.files)).toHaveLength(3);
  });

  it("through the portable export and import (SDK only)", async () => {
    const run = await runBackup(ctx, { trigger: "manual", includeFiles: true });
    expect(run).toMatchObject({ outcome: "succeeded", kind: "backup" });
    expect(run.counts).toMatchObject({
      [TABLES.messages]: MESSAGES,
      [TABLES.commissions]: COMMISSIONS,
      "bucket:chat-images": 2,
    });
    expect(run.sizeBytes).toBeGreaterThan(0);

    await destroy(stack.databaseId);
    await setUp(stack.databaseId);
    const report = await restoreBackup(ctx, { fileId: run.fileId! });
    expect(report).toMatchObject({ mismatches: [], resumed: false });
    expect(report.run.outcome).toBe("succeeded");
    expect(await snapshot(ctx)).toEqual(before);
    // The restore refuses a database that has data.
    await expect(restoreBackup(ctx, { fileId: run.fileId! })).rejects.toThrow(/not empty/);
  }, 300_000);

  it("through the Backups API (SQLite online backup)", async () => {
    const backups = new Backups(
      new Client().setEndpoint(stack.endpoint).setProject(stack.projectId).setKey(stack.apiKey),
    );
    const settle = async <T extends { status: string }>(get: () => Promise<T>) => {
      for (;;) {
        const item = await get();
        if (item.status === "completed" || item.status === "failed") return item;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const { $id: archiveId } = await backups.createArchive({
      services: [BackupServices.Databases, BackupServices.Storage],
    });
    expect((await settle(() => backups.getArchive({ archiveId }))).status).toBe("completed");

    await destroy(stack.databaseId);
    const { $id: restorationId } = await backups.createRestoration({
      archiveId,
      services: [BackupServices.Databases, BackupServices.Storage],
    });
    expect((await settle(() => backups.getRestoration({ restorationId }))).status).toBe("completed");
    expect(await snapshot(ctx)).toEqual(before);
  }, 300_000);

  it("resumes an import that died part-way from its checkpoint, without duplicates", async () => {
    const run = await runBackup(ctx, { trigger: "manual", includeFiles: false });
    await ctx.tablesDB.delete({ databaseId: stack.databaseId });
    await setUp(stack.databaseId);
    // A process whose connection dies after 60 batches (6,000 rows): the restore stops with its checkpoint saved.
    let calls = 0;
    const dying: BookingServerContext = {
      ...ctx,
      tablesDB: new Proxy(ctx.tablesDB, {
        get(target, prop, receiver) {
          if (prop === "upsertRows" && ++calls > 60) return () => Promise.reject(new Error("connection lost"));
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      }),
    };
    await expect(restoreBackup(dying, { fileId: run.fileId! })).rejects.toThrow("connection lost");
    const [interrupted] = (await listBackupRuns(ctx)).filter((r) => r.kind === "restore");
    expect(interrupted).toMatchObject({ outcome: "running" });
    expect(Object.values(interrupted!.checkpoint ?? {}).reduce((a, b) => a + b, 0)).toBe(6_000);

    const report = await restoreBackup(ctx, { fileId: run.fileId! });
    expect(report).toMatchObject({ resumed: true, mismatches: [] });
    expect((await snapshot(ctx)).rows).toEqual(before.rows);
  }, 300_000);
});
