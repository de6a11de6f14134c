import "server-only";
// The worker's loop (packages/worker runs it): a pass over every job, then sleep until the next deadline any job
// knows of — never longer than `maxSleepMs`, so a deadline created meanwhile is seen before it passes — and again.
// Alongside, the worker renews its lease row every third of the lease; a worker that dies stops renewing, and once
// its lease runs out the others' shares (job.ts scopeFor) cover its items. Nothing is held across a crash: every
// change is one transaction guarded by the item's own lock row.
import type { BookingServerContext } from "../context";
import { type Job, scopeFor } from "./job";
import { createJobRegistry } from "./job-registry";
import { lagBehind, nextDueAfter, runPass } from "./run-pass";
import { endLease, listLiveWorkers, type WorkerHeartbeat, writeHeartbeat } from "./worker-heartbeat-repository";

export interface WorkerOptions {
  /** Unique per process (at most 36 characters: it is the heartbeat row's id). */
  workerId: string;
  /**
   * The longest sleep between looks at the next deadline. Shorter than the shortest deadline the marketplace sets
   * (the offer window), so a deadline created during a sleep is seen, and slept to, before it passes.
   */
  maxSleepMs: number;
  /** How long a lease lasts unrenewed: after this a killed worker's share passes to the others. */
  leaseMs: number;
  signal: AbortSignal;
  /** One line per job that did something, and every failure. */
  log: (line: string) => void;
  jobs?: Job[];
}

/** A deadline is acted on this long after it passes at the latest, beside the query time (booking-core isPast is >=). */
const WAKE_MARGIN_MS = 5;

export async function runWorker(ctx: BookingServerContext, opts: WorkerOptions): Promise<void> {
  const jobs = opts.jobs ?? createJobRegistry();
  const { signal, log } = opts;
  const startedAt = ctx.clock().toISOString();
  const beat: WorkerHeartbeat = {
    workerId: opts.workerId,
    startedAt,
    lastRunAt: startedAt,
    leaseExpiresAt: startedAt,
    lagMs: 0,
    jobsDone: 0,
    jobsFailed: 0,
    lastError: null,
  };
  const renew = async () => {
    beat.leaseExpiresAt = new Date(ctx.clock().getTime() + opts.leaseMs).toISOString();
    await writeHeartbeat(ctx, beat);
  };
  // A backend that is down fails every beat and every pass alike: say so when the failure starts or changes, once.
  const said = { heartbeat: "", pass: "" };
  const sayOnce = (kind: keyof typeof said, message: string) => {
    if (said[kind] !== message) log(`${kind} failed: ${message}`);
    said[kind] = message;
  };
  let renewing: Promise<void> | null = null;
  const beatNow = (): Promise<void> =>
    (renewing ??= renew()
      .then(() => void (said.heartbeat = ""))
      .catch((error: unknown) => sayOnce("heartbeat", messageOf(error)))
      .finally(() => (renewing = null)));
  const renewTimer = setInterval(() => void beatNow(), opts.leaseMs / 3);

  try {
    await beatNow();
    while (!signal.aborted) {
      let sleepMs = opts.maxSleepMs;
      try {
        const now = ctx.clock();
        const scope = scopeFor(
          opts.workerId,
          (await listLiveWorkers(ctx, now)).map((w) => w.workerId),
        );
        beat.lagMs = await lagBehind(ctx, jobs, now);
        let more = false;
        for (const { job, result, error } of await runPass(ctx, jobs, scope, signal)) {
          if (error !== null) {
            beat.jobsFailed += 1;
            beat.lastError = `${job}: ${error}`;
            log(`${job} failed: ${error}`);
            continue;
          }
          if (result === null) continue;
          beat.jobsDone += result.done;
          more ||= result.more;
          if (result.done > 0) {
            const others = result.conflicts > 0 ? ` (${result.conflicts} already moved by someone else)` : "";
            log(`${job}: ${result.done} done${others}`);
          }
        }
        beat.lastRunAt = ctx.clock().toISOString();
        said.pass = "";
        if (more) continue;
        const after = ctx.clock();
        const next = await nextDueAfter(ctx, jobs, after, scope);
        if (next !== null) sleepMs = Math.min(sleepMs, next.getTime() - after.getTime() + WAKE_MARGIN_MS);
      } catch (error) {
        // Appwrite unreachable, most likely: keep trying at the bounded pace.
        const message = messageOf(error);
        beat.jobsFailed += 1;
        beat.lastError = message;
        sayOnce("pass", message);
      }
      await sleep(Math.max(0, sleepMs), signal);
    }
  } finally {
    clearInterval(renewTimer);
    // A beat still in flight would write the row back after the delete, and hold the share until the lease ran out.
    await renewing;
    await endLease(ctx, opts.workerId).catch(() => undefined);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}
