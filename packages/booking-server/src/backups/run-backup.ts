import "server-only";
// The use cases: back up now (export → the backups bucket, recorded in backup_runs), the scheduled daily backup
// with its retention (for the worker to register), and restore from an export in the bucket or from bytes.
import { ID } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import type { BookingServerContext } from "../context.ts";
import { exportDatabase } from "./export-data.ts";
import { importExport, isDatabaseEmpty, parseExport, verifyAgainstManifest } from "./import-data.ts";
import {
  deleteBackupRun,
  findUnfinishedRestore,
  insertBackupRun,
  listBackupRuns,
  updateBackupRun,
  type BackupRun,
} from "./backup-run-repository.ts";
import type { Manifest } from "./export-format.ts";

/** Seed 001: every day at 02:00 WITA (Asia/Makassar, UTC+8, no daylight saving), 30 days kept. */
export const BACKUP_SCHEDULE = { cron: "0 2 * * *", timeZone: "Asia/Makassar", retentionDays: 30 } as const;

const DAY_MS = 86_400_000;
/** The health check turns red when the last successful backup is older than this: a day plus two hours of slack. */
export const BACKUP_STALE_AFTER_MS = 26 * 3_600_000;

function countsOf(manifest: Manifest): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [table, t] of Object.entries(manifest.tables)) counts[table] = t.rows;
  for (const [bucket, b] of Object.entries(manifest.buckets)) counts[`bucket:${bucket}`] = b.files;
  return counts;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface BackupOptions {
  trigger: "scheduled" | "manual";
  includeFiles: boolean;
}

/** Exports the database into the backups bucket; the run row says how it went (a failure is recorded, then thrown). */
export async function runBackup(ctx: BookingServerContext, options: BackupOptions): Promise<BackupRun> {
  const run = await insertBackupRun(ctx, { kind: "backup", trigger: options.trigger, fileId: null });
  try {
    const { data, manifest } = await exportDatabase(ctx, { includeFiles: options.includeFiles });
    const fileId = ID.unique();
    const stamp = ctx.clock().toISOString().replace(/[:.]/g, "-");
    await ctx.storage.createFile({
      bucketId: BUCKETS.backups,
      fileId,
      file: InputFile.fromBuffer(data, `tenang-${stamp}.ndjson.gz`),
    });
    const done = {
      finishedAt: ctx.clock().toISOString(),
      outcome: "succeeded" as const,
      fileId,
      sizeBytes: data.length,
      counts: countsOf(manifest),
    };
    await updateBackupRun(ctx, run.id, done);
    return { ...run, ...done, error: null };
  } catch (err) {
    await updateBackupRun(ctx, run.id, {
      finishedAt: ctx.clock().toISOString(),
      outcome: "failed",
      error: message(err),
    });
    throw err;
  }
}

/**
 * What the worker registers at BACKUP_SCHEDULE: a backup with files, then the retention sweep (exports and run rows
 * older than `retentionDays`). A run left `running` by a crash is closed as failed first, so it never counts as good.
 */
export async function runScheduledBackup(
  ctx: BookingServerContext,
  options: { retentionDays?: number; includeFiles?: boolean } = {},
): Promise<BackupRun> {
  await failAbandonedBackups(ctx);
  const run = await runBackup(ctx, { trigger: "scheduled", includeFiles: options.includeFiles ?? true });
  await pruneBackups(ctx, options.retentionDays ?? BACKUP_SCHEDULE.retentionDays);
  return run;
}

/** Backup runs still `running` that started over an hour ago died with their process. */
export async function failAbandonedBackups(ctx: BookingServerContext): Promise<void> {
  const cutoff = ctx.clock().getTime() - 3_600_000;
  for (const run of await listBackupRuns(ctx)) {
    if (run.kind === "backup" && run.outcome === "running" && new Date(run.startedAt).getTime() < cutoff) {
      await updateBackupRun(ctx, run.id, { outcome: "failed", error: "The backup process stopped before finishing." });
    }
  }
}

export async function pruneBackups(ctx: BookingServerContext, retentionDays: number): Promise<number> {
  const cutoff = ctx.clock().getTime() - retentionDays * DAY_MS;
  let removed = 0;
  for (const run of await listBackupRuns(ctx, 1000)) {
    if (run.kind !== "backup" || run.outcome === "running" || new Date(run.startedAt).getTime() >= cutoff) continue;
    if (run.fileId)
      await ctx.storage.deleteFile({ bucketId: BUCKETS.backups, fileId: run.fileId }).catch(() => undefined);
    await deleteBackupRun(ctx, run.id);
    removed++;
  }
  return removed;
}

/** For the health check: when the last backup succeeded (null if never), and whether that is too long ago. */
export async function backupHealth(
  ctx: BookingServerContext,
): Promise<{ lastSucceededAt: string | null; stale: boolean }> {
  const last = (await listBackupRuns(ctx)).find((r) => r.kind === "backup" && r.outcome === "succeeded");
  const lastSucceededAt = last?.finishedAt ?? null;
  const stale =
    lastSucceededAt === null || ctx.clock().getTime() - new Date(lastSucceededAt).getTime() > BACKUP_STALE_AFTER_MS;
  return { lastSucceededAt, stale };
}

export interface RestoreReport {
  run: BackupRun;
  /** Rows per table and files per bucket in the export. */
  counts: Record<string, number>;
  /** Tables whose restored rows differ from the manifest (empty when the restore is exact). */
  mismatches: string[];
  resumed: boolean;
}

/**
 * Restores an export (a file of the backups bucket, or its bytes) into this context's database, which must be empty
 * unless an earlier restore of the same file crashed there, in which case that one resumes from its checkpoint.
 */
export async function restoreBackup(
  ctx: BookingServerContext,
  source: { fileId: string } | { data: Buffer; name: string },
): Promise<RestoreReport> {
  const data =
    "fileId" in source
      ? Buffer.from(await ctx.storage.getFileDownload({ bucketId: BUCKETS.backups, fileId: source.fileId }))
      : source.data;
  const parsed = parseExport(data);
  const sourceId = "fileId" in source ? source.fileId : `file:${source.name}`.slice(0, 36);
  const unfinished = await findUnfinishedRestore(ctx, sourceId);
  if (!unfinished && !(await isDatabaseEmpty(ctx))) {
    throw new Error("The database is not empty: restore into a new database (APPWRITE_DATABASE_ID) or empty it first.");
  }
  const run = unfinished ?? (await insertBackupRun(ctx, { kind: "restore", trigger: "manual", fileId: sourceId }));
  try {
    await importExport(ctx, parsed, unfinished?.checkpoint ?? {}, (checkpoint) =>
      updateBackupRun(ctx, run.id, { checkpoint }),
    );
    const mismatches = await verifyAgainstManifest(ctx, parsed.manifest);
    const counts = countsOf(parsed.manifest);
    const done = {
      finishedAt: ctx.clock().toISOString(),
      outcome: mismatches.length === 0 ? ("succeeded" as const) : ("failed" as const),
      counts,
      sizeBytes: data.length,
      error: mismatches.length === 0 ? null : mismatches.join("; "),
    };
    await updateBackupRun(ctx, run.id, { ...done, checkpoint: null });
    return { run: { ...run, ...done, checkpoint: null }, counts, mismatches, resumed: unfinished !== null };
  } catch (err) {
    // Left `running` with its checkpoint on purpose: running the same restore again resumes it.
    await updateBackupRun(ctx, run.id, { error: message(err) }).catch(() => undefined);
    throw err;
  }
}
