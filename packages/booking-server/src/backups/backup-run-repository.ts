import "server-only";
// The backup_runs table: one row per backup or restore run (packages/db schema), written with the API key.
import { ID, Query, type Models } from "node-appwrite";
import { TABLES } from "@tenang/booking-core/resource-ids";
import type { BookingServerContext } from "../context.ts";

export interface BackupRun {
  id: string;
  kind: "backup" | "restore";
  trigger: "scheduled" | "manual";
  startedAt: string;
  finishedAt: string | null;
  outcome: "running" | "succeeded" | "failed";
  fileId: string | null;
  sizeBytes: number | null;
  counts: Record<string, number>;
  error: string | null;
  checkpoint: Record<string, number> | null;
}

interface RunRow {
  $id: string;
  kind: BackupRun["kind"];
  trigger: BackupRun["trigger"];
  startedAt: string;
  finishedAt: string | null;
  outcome: BackupRun["outcome"];
  fileId: string | null;
  sizeBytes: number | null;
  counts: string | null;
  error: string | null;
  checkpoint: string | null;
}

const parseCounts = (json: string | null) => (json ? (JSON.parse(json) as Record<string, number>) : null);

function toRun(r: RunRow): BackupRun {
  return {
    id: r.$id,
    kind: r.kind,
    trigger: r.trigger,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    outcome: r.outcome,
    fileId: r.fileId,
    sizeBytes: r.sizeBytes,
    counts: parseCounts(r.counts) ?? {},
    error: r.error,
    checkpoint: parseCounts(r.checkpoint),
  };
}

export async function insertBackupRun(
  ctx: BookingServerContext,
  run: Pick<BackupRun, "kind" | "trigger" | "fileId">,
): Promise<BackupRun> {
  const row = await ctx.tablesDB.createRow<RunRow & Models.Row>({
    databaseId: ctx.databaseId,
    tableId: TABLES.backupRuns,
    rowId: ID.unique(),
    data: {
      ...run,
      startedAt: ctx.clock().toISOString(),
      outcome: "running",
      finishedAt: null,
      sizeBytes: null,
      counts: null,
      error: null,
      checkpoint: null,
    },
  });
  return toRun(row);
}

export async function updateBackupRun(
  ctx: BookingServerContext,
  id: string,
  changes: Partial<Pick<BackupRun, "finishedAt" | "outcome" | "fileId" | "sizeBytes" | "error">> & {
    counts?: Record<string, number>;
    checkpoint?: Record<string, number> | null;
  },
): Promise<void> {
  const { counts, checkpoint, ...rest } = changes;
  await ctx.tablesDB.updateRow({
    databaseId: ctx.databaseId,
    tableId: TABLES.backupRuns,
    rowId: id,
    data: {
      ...rest,
      ...(counts ? { counts: JSON.stringify(counts) } : {}),
      ...(checkpoint !== undefined ? { checkpoint: checkpoint && JSON.stringify(checkpoint) } : {}),
    },
  });
}

export async function listBackupRuns(ctx: BookingServerContext, limit = 100): Promise<BackupRun[]> {
  const { rows } = await ctx.tablesDB.listRows<RunRow & Models.Row>({
    databaseId: ctx.databaseId,
    tableId: TABLES.backupRuns,
    queries: [Query.orderDesc("startedAt"), Query.limit(limit)],
  });
  return rows.map(toRun);
}

/** A restore of `fileId` that was still running when its process died: the one to resume. */
export async function findUnfinishedRestore(ctx: BookingServerContext, fileId: string): Promise<BackupRun | null> {
  const { rows } = await ctx.tablesDB.listRows<RunRow & Models.Row>({
    databaseId: ctx.databaseId,
    tableId: TABLES.backupRuns,
    queries: [
      Query.equal("kind", "restore"),
      Query.equal("outcome", "running"),
      Query.equal("fileId", fileId),
      Query.limit(1),
    ],
  });
  return rows[0] ? toRun(rows[0]) : null;
}

export async function deleteBackupRun(ctx: BookingServerContext, id: string): Promise<void> {
  await ctx.tablesDB.deleteRow({ databaseId: ctx.databaseId, tableId: TABLES.backupRuns, rowId: id });
}
