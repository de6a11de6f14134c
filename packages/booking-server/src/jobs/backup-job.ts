import "server-only";
// The daily backup (backups/run-backup.ts, BACKUP_SCHEDULE: 02:00 WITA, 30 days kept) as a worker job, run by the
// lead worker only. A slot missed while no worker ran (a deploy at 01:59, a crash) is caught up at once — but only
// once a scheduled backup has ever run: a brand-new database (a fresh `pnpm dev`, every e2e world) waits for the next
// slot instead of exporting itself on first start. The export runs in the background, so the offer and decision
// deadlines of the same minutes keep their one-second promise; its outcome is counted by the next pass.
import { CronExpressionParser } from "cron-parser";
import type { BookingServerContext } from "../context";
import { listBackupRuns } from "../backups/backup-run-repository";
import { BACKUP_SCHEDULE, runScheduledBackup } from "../backups/run-backup";
import { NOTHING_DONE, type Job, type JobResult } from "./job";

function slot(at: Date, direction: "prev" | "next"): Date {
  // prev() is strictly before its start: start a millisecond later so a slot at exactly `at` counts.
  const from = direction === "prev" ? new Date(at.getTime() + 1) : at;
  const cron = CronExpressionParser.parse(BACKUP_SCHEDULE.cron, { currentDate: from, tz: BACKUP_SCHEDULE.timeZone });
  return (direction === "prev" ? cron.prev() : cron.next()).toDate();
}

export function createBackupJob(): Job {
  /** The last slot known to be covered (a scheduled run started at or after it), so most passes read nothing. */
  let coveredSlot = 0;
  let running: Promise<JobResult> | null = null;
  let finished: JobResult | null = null;

  async function isDue(ctx: BookingServerContext, now: Date): Promise<boolean> {
    const latest = slot(now, "prev").getTime();
    if (latest <= coveredSlot) return false;
    const scheduled = (await listBackupRuns(ctx, 20)).filter((r) => r.kind === "backup" && r.trigger === "scheduled");
    const last = scheduled[0];
    // Never ran: this is a new database; the first backup is the next slot's.
    if (last === undefined || new Date(last.startedAt).getTime() >= latest) {
      coveredSlot = latest;
      return false;
    }
    return true;
  }

  return {
    name: "daily-backup",
    async nextDueAfter(_ctx, now, scope) {
      return scope.leads ? slot(now, "next") : null;
    },
    async run(ctx, scope) {
      if (finished) {
        const result = finished;
        finished = null;
        return result;
      }
      if (!scope.leads || running) return NOTHING_DONE;
      const now = ctx.clock();
      if (!(await isDue(ctx, now))) return NOTHING_DONE;
      coveredSlot = slot(now, "prev").getTime();
      running = runScheduledBackup(ctx)
        .then((run) => ({
          ...NOTHING_DONE,
          done: run.outcome === "succeeded" ? 1 : 0,
          failed: run.outcome === "succeeded" ? 0 : 1,
        }))
        .catch(() => ({ ...NOTHING_DONE, failed: 1 }))
        .then((result) => {
          finished = result;
          running = null;
          return result;
        });
      return NOTHING_DONE;
    },
  };
}
