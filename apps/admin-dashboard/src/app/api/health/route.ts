// GET /api/health – is this app up, does Appwrite answer in time, is the worker running (anyone; e2e kit, monitors)
import { checkBackend, healthResponse } from "@tenang/app-server/health/check-backend";
import { readWorkerHealth } from "@tenang/booking-server/jobs/worker-heartbeat-repository";
import { env } from "@/env";
import { bookingContext } from "@/server/booking/booking-context";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkBackend({ endpoint: env.APPWRITE_ENDPOINT });
  // The marketplace's clock (issue 11): live workers, their lag behind the oldest due deadline, jobs done/failed.
  // Reported beside the backend, never a 503 of this app: the dashboard serves fine while the worker is down.
  const worker = report.backend.reachable ? await readWorkerHealth(bookingContext()).catch(() => null) : null;
  return healthResponse({ ...report, worker });
}
