// The scheduled backup's bookkeeping: a row per run, retention of exports and rows, abandoned runs closed as failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppwriteException } from "node-appwrite";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { createBookingServerContext, type BookingServerContext } from "../context.ts";
import { insertBackupRun, listBackupRuns } from "./backup-run-repository.ts";
import { BACKUP_SCHEDULE, backupHealth, runScheduledBackup } from "./run-backup.ts";

const DAY = 86_400_000;
let stack: LocalStack;
let now = Date.UTC(2026, 2, 1, 18); // 02:00 WITA
let ctx: BookingServerContext;

beforeAll(async () => {
  stack = await startLocalStack();
  ctx = createBookingServerContext({ ...stack, clock: () => new Date(now) });
});
afterAll(() => stack.close());

describe("runScheduledBackup", () => {
  it("runs daily at 02:00 WITA and keeps 30 days", () => {
    expect(BACKUP_SCHEDULE).toEqual({ cron: "0 2 * * *", timeZone: "Asia/Makassar", retentionDays: 30 });
  });

  it("records each run and deletes exports older than the retention", async () => {
    expect(await backupHealth(ctx)).toEqual({ lastSucceededAt: null, stale: true });
    const first = await runScheduledBackup(ctx);
    expect(first).toMatchObject({ kind: "backup", trigger: "scheduled", outcome: "succeeded", error: null });
    expect(first.finishedAt).not.toBeNull();
    expect(first.sizeBytes).toBeGreaterThan(0);
    expect(first.counts["therapists"]).toBeGreaterThan(0);
    expect(first.counts["bucket:therapist-photos"]).toBeGreaterThan(0);

    const health = await backupHealth(ctx);
    expect(health.stale).toBe(false);
    expect(Date.parse(health.lastSucceededAt!)).toBe(Date.parse(first.finishedAt!));
    now += 26 * 3_600_000;
    expect((await backupHealth(ctx)).stale).toBe(false);
    now += 1;
    expect((await backupHealth(ctx)).stale).toBe(true);
    now += 29 * DAY - 26 * 3_600_000 - 1;
    await runScheduledBackup(ctx);
    expect((await listBackupRuns(ctx)).map((r) => r.id)).toContain(first.id);

    now += 2 * DAY;
    await runScheduledBackup(ctx);
    const ids = (await listBackupRuns(ctx)).map((r) => r.id);
    expect(ids).not.toContain(first.id);
    expect(ids).toHaveLength(2);
    const gone = await ctx.storage
      .getFile({ bucketId: BUCKETS.backups, fileId: first.fileId! })
      .catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(AppwriteException);
    expect((gone as AppwriteException).code).toBe(404);
  });

  it("closes a run its process abandoned as failed, so it never counts as a good backup", async () => {
    const stuck = await insertBackupRun(ctx, { kind: "backup", trigger: "scheduled", fileId: null });
    now += 2 * 3_600_000;
    await runScheduledBackup(ctx);
    const run = (await listBackupRuns(ctx)).find((r) => r.id === stuck.id);
    expect(run).toMatchObject({ outcome: "failed", error: "The backup process stopped before finishing." });
  });
});
