import "server-only";
// One pass over the jobs: each runs on what is due now and in this worker's share. The worker loop repeats passes;
// sweepDueBookings (tests, the admin's e2e) runs one pass over the whole scope.
import type { BookingServerContext } from "../context";
import type { Job, JobResult, JobScope } from "./job";

export interface PassOutcome {
  job: string;
  result: JobResult | null;
  /** Set when the job threw: its items are left as they were (every change is one transaction) for the next pass. */
  error: string | null;
}

export async function runPass(
  ctx: BookingServerContext,
  jobs: readonly Job[],
  scope: JobScope,
  signal?: AbortSignal,
): Promise<PassOutcome[]> {
  const outcomes: PassOutcome[] = [];
  for (const job of jobs) {
    if (signal?.aborted) break;
    try {
      outcomes.push({ job: job.name, result: await job.run(ctx, scope), error: null });
    } catch (error) {
      outcomes.push({ job: job.name, result: null, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}

/** The earliest deadline after `now` of any job in `scope`, or null when none is known. */
export async function nextDueAfter(
  ctx: BookingServerContext,
  jobs: readonly Job[],
  now: Date,
  scope: JobScope,
): Promise<Date | null> {
  const dues = await Promise.all(jobs.map((job) => job.nextDueAfter(ctx, now, scope)));
  const times = dues.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}

/** How far `now` is behind the oldest deadline still waiting (any worker's), 0 when nothing is overdue. */
export async function lagBehind(ctx: BookingServerContext, jobs: readonly Job[], now: Date): Promise<number> {
  const oldest = await Promise.all(jobs.map((job) => job.oldestOverdue?.(ctx, now) ?? Promise.resolve(null)));
  const times = oldest.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length === 0 ? 0 : Math.max(0, now.getTime() - Math.min(...times));
}
