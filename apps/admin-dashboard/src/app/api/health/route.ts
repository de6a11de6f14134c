// GET /api/health – is this app up, does Appwrite answer in time, is the worker running, are notifications getting
// through, is the last backup recent (anyone; e2e kit, monitors)
import { checkBackend, healthResponse } from "@tenang/app-server/health/check-backend";
import { backupHealth } from "@tenang/booking-server/backups/run-backup";
import { readWorkerHealth } from "@tenang/booking-server/jobs/worker-heartbeat-repository";
import { notificationDeliveryReport } from "@tenang/booking-server/notifications/delivery-report";
import { env } from "@/env";
import { bookingServer } from "@/server/app-server";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkBackend({ endpoint: env.APPWRITE_ENDPOINT });
  if (!report.backend.reachable) return healthResponse({ ...report, worker: null, notifications: null, backup: null });
  // Reported beside the backend, never a 503 of this app: the dashboard serves fine while the worker is down.
  // The marketplace's clock (issue 11): live workers, their lag behind the oldest due deadline, jobs done/failed.
  const ctx = bookingServer();
  const [worker, delivery, backup] = await Promise.all([
    readWorkerHealth(ctx).catch(() => null),
    // Of the last day's notifications, the share the push services accepted (null: none decided yet).
    notificationDeliveryReport(ctx)
      .then((r) => ({ deliveryRate: r.deliveryRate }))
      .catch(() => null),
    // The last successful backup, stale (red) after 26 h.
    backupHealth(ctx).catch(() => null),
  ]);
  return healthResponse({ ...report, worker, notifications: delivery, backup });
}
