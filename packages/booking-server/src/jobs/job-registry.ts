import "server-only";
// Every timed job of the marketplace, in the order a worker pass runs them. A new timed job (backups, aggregates,
// notification retries) is one more entry here; the worker loop (worker-loop.ts) needs no change.
import { createBackupJob } from "./backup-job";
import { bookingDeadlineJobs } from "./booking-deadline-jobs";
import { commissionOverdueJob } from "./commission-overdue-job";
import { createHousekeepingJobs } from "./housekeeping-jobs";
import type { Job } from "./job";
import { notificationRetryJob } from "./notification-retry-job";

/** Fresh jobs for one process (the periodic ones remember when this process last ran them). */
export function createJobRegistry(): Job[] {
  return [
    ...bookingDeadlineJobs,
    commissionOverdueJob,
    notificationRetryJob,
    ...createHousekeepingJobs(),
    createBackupJob(),
  ];
}
