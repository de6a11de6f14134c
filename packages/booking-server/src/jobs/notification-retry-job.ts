import "server-only";
// Notification retries as a worker job: a send that failed stays `pending` with its next try time
// (notifications/deliver-notification.ts backs off 30 s … 15 min), and this job sleeps until the earliest one.
// Only the lead worker runs it: retryDueNotifications takes no lease per row, so two workers retrying at once
// could send a push twice (the device's `tag` would collapse it, but a WhatsApp message would arrive twice).
import { nextNotificationAttemptAt } from "../notifications/notification-repository";
import { RETRY_BATCH, retryDueNotifications } from "../notifications/retry-due-notifications";
import { NOTHING_DONE, type Job } from "./job";

export const notificationRetryJob: Job = {
  name: "notification-retries",
  async nextDueAfter(ctx, now, scope) {
    if (!scope.leads || (!ctx.push && !ctx.whatsapp)) return null;
    const next = await nextNotificationAttemptAt(ctx);
    if (next === null) return null;
    // One already due is handled by this pass's run; look again a second later rather than spinning.
    return next.getTime() > now.getTime() ? next : new Date(now.getTime() + 1000);
  },
  async run(ctx, scope) {
    if (!scope.leads) return NOTHING_DONE;
    const report = await retryDueNotifications(ctx);
    return { done: report.sent, conflicts: 0, failed: report.failed, more: report.tried >= RETRY_BATCH };
  },
};
