import "server-only";
// One pass of the worker's deadline jobs over every due item, as one process that owns them all: what the engine's
// tests and the dashboards' e2e specs call to move deadlines "now" (with a clock moved forward) instead of waiting for
// a worker. In production the worker (packages/worker, jobs/worker-loop.ts) runs these same jobs on its own.
import type { BookingServerContext } from "../context";
import { bookingDeadlineJobs } from "../jobs/booking-deadline-jobs";
import { commissionOverdueJob } from "../jobs/commission-overdue-job";
import { ADMIN_SESSION_SWEEP_EVERY_MS, periodicJob } from "../jobs/housekeeping-jobs";
import { WHOLE_SCOPE } from "../jobs/job";
import { endExpiredAdminSessions } from "../sessions/end-expired-admin-sessions";

/** Per process, as before: a sweep ends expired admin sessions at most once a minute (by the context's clock). */
const adminSessions = periodicJob("admin-sessions", ADMIN_SESSION_SWEEP_EVERY_MS, endExpiredAdminSessions);

export interface SweepResult {
  /** Bookings and commission records this sweep moved on. */
  advanced: number;
  /** Admin sessions ended for being past the admin's absolute limit (see sessions/end-expired-admin-sessions). */
  sessionsEnded: number;
  /** Ones someone else moved first (another sweeper or worker, or a person acting at the deadline). */
  conflicts: number;
}

export async function sweepDueBookings(ctx: BookingServerContext): Promise<SweepResult> {
  const result: SweepResult = { advanced: 0, conflicts: 0, sessionsEnded: 0 };
  for (const job of [...bookingDeadlineJobs, commissionOverdueJob]) {
    const { done, conflicts } = await job.run(ctx, WHOLE_SCOPE);
    result.advanced += done;
    result.conflicts += conflicts;
  }
  result.sessionsEnded = (await adminSessions.run(ctx, WHOLE_SCOPE)).done;
  return result;
}
