// The daily backup as a worker job: nothing on a new database, a missed 02:00 WITA slot caught up once (in the
// background, counted by the next pass), only by the lead worker, and not again until the next slot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { createBookingServerContext, type BookingServerContext } from "../context";
import { listBackupRuns } from "../backups/backup-run-repository";
import { runScheduledBackup } from "../backups/run-backup";
import { createBackupJob } from "./backup-job";
import { NOTHING_DONE, WHOLE_SCOPE, type Job, type JobResult } from "./job";

const HOUR = 3_600_000;
let stack: LocalStack;
let now = Date.UTC(2026, 2, 1, 12); // 20:00 WITA
let ctx: BookingServerContext;

beforeAll(async () => {
  stack = await startLocalStack();
  ctx = createBookingServerContext({ ...stack, clock: () => new Date(now) });
});
afterAll(() => stack.close());

/** Passes until the background backup reports (bounded). */
async function runUntilReported(job: Job): Promise<JobResult> {
  for (let i = 0; i < 600; i += 1) {
    const result = await job.run(ctx, WHOLE_SCOPE);
    if (result.done + result.failed > 0) return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the backup never reported");
}

describe("daily backup job", () => {
  it("sleeps until the next 02:00 WITA, and only the lead worker has it", async () => {
    const job = createBackupJob();
    expect((await job.nextDueAfter(ctx, new Date(now), WHOLE_SCOPE))?.toISOString()).toBe("2026-03-01T18:00:00.000Z");
    expect(await job.nextDueAfter(ctx, new Date(now), { owns: () => true, leads: false })).toBeNull();
  });

  it("does nothing on a database that was never backed up on schedule", async () => {
    const job = createBackupJob();
    now += 24 * HOUR; // past a slot
    expect(await job.run(ctx, WHOLE_SCOPE)).toEqual(NOTHING_DONE);
    expect(await listBackupRuns(ctx)).toEqual([]);
  });

  it("catches up a missed slot once, then waits for the next one", async () => {
    await runScheduledBackup(ctx); // a worker ran before …
    now += 2 * 24 * HOUR; // … then none did for two days
    const job = createBackupJob();
    expect(await job.run(ctx, { owns: () => true, leads: false })).toEqual(NOTHING_DONE);
    expect(await runUntilReported(job)).toMatchObject({ done: 1, failed: 0 });
    const scheduled = (await listBackupRuns(ctx)).filter((r) => r.trigger === "scheduled");
    expect(scheduled).toHaveLength(2);
    expect(scheduled[0]).toMatchObject({ outcome: "succeeded" });

    now += HOUR;
    expect(await job.run(ctx, WHOLE_SCOPE)).toEqual(NOTHING_DONE);
    // A restarted worker reads the runs and agrees the slot is covered.
    expect(await createBackupJob().run(ctx, WHOLE_SCOPE)).toEqual(NOTHING_DONE);
    expect((await listBackupRuns(ctx)).filter((r) => r.trigger === "scheduled")).toHaveLength(2);
  });
});
