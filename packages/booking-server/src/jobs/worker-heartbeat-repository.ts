import "server-only";
// The only file that maps worker_heartbeats rows: one per worker process, renewed every few seconds. The row is the
// worker's lease (a live worker takes its share of the due items, see job.ts scopeFor) and its heartbeat (what
// /api/health reports: last run, lag behind the oldest due deadline, jobs done and failed).
import { TABLES } from "@tenang/booking-core/resource-ids";
import { Query } from "node-appwrite";
import { isNotFound } from "../appwrite/appwrite-errors";
import type { BookingServerContext } from "../context";
import { listRows } from "../shared/rows";

export interface WorkerHeartbeat {
  workerId: string;
  startedAt: string;
  lastRunAt: string;
  leaseExpiresAt: string;
  lagMs: number;
  jobsDone: number;
  jobsFailed: number;
  lastError: string | null;
}

/** Writes the worker's row (creating it on the first beat); the lease runs until `leaseExpiresAt`. */
export async function writeHeartbeat(ctx: BookingServerContext, beat: WorkerHeartbeat): Promise<void> {
  const { workerId, ...data } = beat;
  await ctx.tablesDB.upsertRow({
    databaseId: ctx.databaseId,
    tableId: TABLES.workerHeartbeats,
    rowId: workerId,
    data: { ...data, lastError: data.lastError?.slice(0, 500) ?? null },
  });
}

/** Workers whose lease has not run out at `now`, by id. */
export async function listLiveWorkers(ctx: BookingServerContext, now: Date): Promise<WorkerHeartbeat[]> {
  const rows = await listRows(ctx, TABLES.workerHeartbeats, [
    Query.greaterThan("leaseExpiresAt", now.toISOString()),
    Query.orderAsc("$id"),
    Query.limit(100),
  ]);
  return rows.map((row) => ({
    workerId: row.$id,
    startedAt: String(row.startedAt),
    lastRunAt: String(row.lastRunAt),
    leaseExpiresAt: String(row.leaseExpiresAt),
    lagMs: Number(row.lagMs ?? 0),
    jobsDone: Number(row.jobsDone ?? 0),
    jobsFailed: Number(row.jobsFailed ?? 0),
    lastError: typeof row.lastError === "string" ? row.lastError : null,
  }));
}

/** A worker stopping on purpose gives its lease up, so the others take its share at once. */
export async function endLease(ctx: BookingServerContext, workerId: string): Promise<void> {
  try {
    await ctx.tablesDB.deleteRow({ databaseId: ctx.databaseId, tableId: TABLES.workerHeartbeats, rowId: workerId });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** Deletes the rows of workers whose lease ran out before `before` (processes that are gone). */
export async function deleteDeadWorkerRows(ctx: BookingServerContext, before: Date): Promise<number> {
  const { total } = await ctx.tablesDB.deleteRows({
    databaseId: ctx.databaseId,
    tableId: TABLES.workerHeartbeats,
    queries: [Query.lessThan("leaseExpiresAt", before.toISOString())],
  });
  return total;
}

export interface WorkerHealth {
  /** "ok": a worker is alive and keeping up; "lagging": alive but behind a deadline; "none": no live worker. */
  status: "ok" | "lagging" | "none";
  liveWorkers: number;
  lastRunAt: string | null;
  /** The largest lag among live workers (ms behind the oldest due deadline at their last pass). */
  lagMs: number;
  jobsDone: number;
  jobsFailed: number;
}

/** Nothing is behind by more than this when every worker is healthy (deadlines are acted on within 1 s). */
const LAGGING_AFTER_MS = 5_000;

/** The fleet's state as /api/health reports it. */
export async function readWorkerHealth(ctx: BookingServerContext): Promise<WorkerHealth> {
  const live = await listLiveWorkers(ctx, ctx.clock());
  const lagMs = Math.max(0, ...live.map((w) => w.lagMs));
  const lastRunAt =
    live
      .map((w) => w.lastRunAt)
      .sort()
      .at(-1) ?? null;
  return {
    status: live.length === 0 ? "none" : lagMs > LAGGING_AFTER_MS ? "lagging" : "ok",
    liveWorkers: live.length,
    lastRunAt,
    lagMs,
    jobsDone: live.reduce((sum, w) => sum + w.jobsDone, 0),
    jobsFailed: live.reduce((sum, w) => sum + w.jobsFailed, 0),
  };
}
