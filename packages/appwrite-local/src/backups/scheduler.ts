// Runs backup policies on their cron schedules (UTC, like Appwrite Cloud) and deletes archives older than a
// policy's retention. Cron parsing is cron-parser's: the edge cases (ranges, steps, day-of-month vs day-of-week,
// month lengths, aliases) are its well-tested job, not ours. Time is a parameter of `tick`, so tests drive it.
import { CronExpressionParser } from "cron-parser";
import { formatDate } from "../time.ts";
import type { BackupService } from "./service.ts";
import type { PolicyRecord } from "./repo.ts";

const DAY_MS = 86_400_000;
/** How often the server looks for due policies; schedules have minute resolution. */
export const TICK_MS = 20_000;

/** Appwrite's schedules are five-field cron expressions (or an `@daily`-style alias). */
export function isValidSchedule(schedule: string): boolean {
  const fields = schedule.trim().split(/\s+/);
  if (!(fields.length === 5 || (fields.length === 1 && schedule.startsWith("@")))) return false;
  try {
    CronExpressionParser.parse(schedule, { tz: "UTC" });
    return true;
  } catch {
    return false;
  }
}

/** The latest time `schedule` fires at or before `now`, or null if it has not fired since `after`. */
export function latestDueSlot(schedule: string, after: Date, now: Date): Date | null {
  const next = CronExpressionParser.parse(schedule, { currentDate: after, tz: "UTC" }).next().toDate();
  if (next.getTime() > now.getTime()) return null;
  // prev() is strictly before its start, so start one millisecond after `now` to include a slot at exactly `now`.
  return CronExpressionParser.parse(schedule, { currentDate: new Date(now.getTime() + 1), tz: "UTC" })
    .prev()
    .toDate();
}

export class BackupScheduler {
  constructor(private readonly service: BackupService) {}

  /**
   * Starts one archive per enabled policy that has a slot due since its last run (missed slots while the server was
   * down collapse into one run), then deletes archives past their policy's retention. Returns the archive IDs started.
   */
  tick(now: Date): string[] {
    const started: string[] = [];
    for (const policy of this.service.repo.listPolicies()) {
      if (policy.enabled) {
        const slot = latestDueSlot(policy.schedule, new Date(policy.lastRunAt ?? policy.createdAt), now);
        if (slot) {
          this.service.repo.setPolicyLastRun(policy.id, formatDate(slot));
          started.push(this.startFor(policy));
        }
      }
      this.expire(policy, now);
    }
    return started;
  }

  private startFor(policy: PolicyRecord): string {
    return this.service.startArchive({
      services: policy.services,
      resourceId: policy.resourceId,
      resourceType: policy.resourceType,
      policyId: policy.id,
    }).id;
  }

  private expire(policy: PolicyRecord, now: Date): void {
    const cutoff = now.getTime() - policy.retention * DAY_MS;
    for (const archive of this.service.repo.listArchives()) {
      if (archive.policyId !== policy.id) continue;
      if (archive.status !== "completed" && archive.status !== "failed") continue;
      if (new Date(archive.createdAt).getTime() < cutoff) void this.service.deleteArchive(archive);
    }
  }
}
