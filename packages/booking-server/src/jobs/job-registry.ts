import "server-only";
// Every timed job of the marketplace, in the order a worker pass runs them. A new timed job (backups, aggregates,
// notification retries) is one more entry here; the worker loop (worker-loop.ts) needs no change.
import { bookingDeadlineJobs } from "./booking-deadline-jobs";
import { commissionOverdueJob } from "./commission-overdue-job";
import { createHousekeepingJobs } from "./housekeeping-jobs";
import type { Job } from "./job";

/**
 * Notification retries (issue 11 §2): register `retryDueNotifications(ctx)` from ../notifications here as a Job —
 * `nextDueAfter` = the earliest retry time of a failed send, `run` = resend what is due in `scope` — e.g.
 * `{ name: "notification-retries", nextDueAfter: ..., run: (ctx, scope) => retryDueNotifications(ctx, scope) }`.
 */
const notificationJobs: Job[] = [];

/** Fresh jobs for one process (the periodic ones remember when this process last ran them). */
export function createJobRegistry(): Job[] {
  return [...bookingDeadlineJobs, commissionOverdueJob, ...notificationJobs, ...createHousekeepingJobs()];
}
