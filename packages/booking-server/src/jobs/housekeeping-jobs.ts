import "server-only";
// Jobs with no deadline column, only a rhythm: run by one live worker (the leader, see JobScope.leads) every so often.
// Each is idempotent, so a leader change that runs one twice costs a few reads, nothing more.
import type { BookingServerContext } from "../context";
import { endExpiredAdminSessions } from "../sessions/end-expired-admin-sessions";
import { deleteStaleRateLimitRows } from "../shared/rate-limit-repository";
import { NOTHING_DONE, type Job } from "./job";
import { deleteDeadWorkerRows } from "./worker-heartbeat-repository";

/**
 * A job run at most once per `everyMs` by this process (its own memory: a restarted worker runs it once at start,
 * which is harmless for idempotent housekeeping).
 */
export function periodicJob(name: string, everyMs: number, work: (ctx: BookingServerContext) => Promise<number>): Job {
  let lastRunAt = Number.NEGATIVE_INFINITY;
  return {
    name,
    nextDueAfter: async (_ctx, now, scope) =>
      scope.leads ? new Date(Math.max(lastRunAt + everyMs, now.getTime() + 1)) : null,
    async run(ctx, scope) {
      const now = ctx.clock().getTime();
      if (!scope.leads || now - lastRunAt < everyMs) return NOTHING_DONE;
      lastRunAt = now;
      return { done: await work(ctx), conflicts: 0, failed: 0, more: false };
    },
  };
}

/** Minutes matter here, not seconds: once a minute keeps the Users API calls off every pass. */
export const ADMIN_SESSION_SWEEP_EVERY_MS = 60_000;
/** Rate-limit rows go stale after hours (booking-core RATE_LIMIT_ROW_STALE_AFTER_MS); a look every 10 min is plenty. */
const RATE_LIMIT_CLEANUP_EVERY_MS = 10 * 60_000;
/** A worker row whose lease ran out this long ago is a process that is gone; /api/health no longer needs it. */
const DEAD_WORKER_ROW_KEPT_MS = 60 * 60_000;

export function createHousekeepingJobs(): Job[] {
  return [
    periodicJob("admin-sessions", ADMIN_SESSION_SWEEP_EVERY_MS, endExpiredAdminSessions),
    periodicJob("stale-rate-limit-rows", RATE_LIMIT_CLEANUP_EVERY_MS, (ctx) => deleteStaleRateLimitRows(ctx)),
    periodicJob("dead-worker-rows", RATE_LIMIT_CLEANUP_EVERY_MS, (ctx) =>
      deleteDeadWorkerRows(ctx, new Date(ctx.clock().getTime() - DEAD_WORKER_ROW_KEPT_MS)),
    ),
  ];
}
