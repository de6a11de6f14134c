import "server-only";
// The worker's notification job (packages/booking-server/src/jobs registers it): every pending notification whose
// next attempt is due gets one more try. Two workers may pick the same row in the same instant; the device then gets
// the push twice, which its `tag` collapses into one notification, so no lease is taken for this.
import type { BookingServerContext } from "../context";
import { deliverNotification } from "./deliver-notification";
import { listDueNotifications } from "./notification-repository";
import { findPushSubscription } from "./push-subscription-repository";

export interface RetryReport {
  /** Rows tried. */
  tried: number;
  sent: number;
  /** Rows given up on (retries used up, refused, or the device is gone). */
  failed: number;
  /** Rows left pending for a later try. */
  pending: number;
}

/** Rows per pass; a full batch makes the worker run the job again at once. */
export const RETRY_BATCH = 50;

export async function retryDueNotifications(ctx: BookingServerContext): Promise<RetryReport> {
  const report: RetryReport = { tried: 0, sent: 0, failed: 0, pending: 0 };
  if (!ctx.push && !ctx.whatsapp) return report;
  const due = await listDueNotifications(ctx, ctx.clock(), RETRY_BATCH);
  for (const row of due) {
    const device = row.channel === "push" ? await findPushSubscription(ctx, row.subscriptionId) : null;
    const result = await deliverNotification(ctx, row, device);
    report.tried += 1;
    if (result === "sent") report.sent += 1;
    else if (result === "retry") report.pending += 1;
    else report.failed += 1;
  }
  return report;
}
