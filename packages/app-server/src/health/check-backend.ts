import "server-only";
// What every app's GET /api/health reports: the app answers, and whether it can reach Appwrite in time. A load
// balancer takes a 503 as "send no traffic here", which is right while the backend is down (issue 9, finding 7).

/** Slower than this and the backend counts as degraded: users would feel it on every page. */
const DEGRADED_AFTER_MS = 1000;
/** The deadline of the health probe itself; shorter than a route's, so a probe never piles up. */
export const HEALTH_TIMEOUT_MS = 2000;

export type HealthStatus = "ok" | "degraded" | "down";

export interface HealthReport {
  status: HealthStatus;
  backend: { reachable: boolean; latencyMs: number; httpStatus?: number };
}

/**
 * Asks Appwrite's public /health/version. Any HTTP answer below 500 counts as reachable: the other health
 * endpoints need a key scope the apps should not require.
 */
export async function checkBackend(config: { endpoint: string; timeoutMs?: number }): Promise<HealthReport> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(`${config.endpoint}/health/version`, {
      signal: AbortSignal.timeout(config.timeoutMs ?? HEALTH_TIMEOUT_MS),
      cache: "no-store",
    });
    await response.body?.cancel();
    const latencyMs = latency();
    const reachable = response.status < 500;
    const status: HealthStatus = !reachable || latencyMs > DEGRADED_AFTER_MS ? "degraded" : "ok";
    return { status, backend: { reachable, latencyMs, httpStatus: response.status } };
  } catch {
    return { status: "down", backend: { reachable: false, latencyMs: latency() } };
  }
}

/**
 * The report as a response: 200 while the app can serve (ok or degraded), 503 when the backend is down. An app may
 * add what it knows beside the backend (the admin dashboard: the worker's heartbeat); the status stays the backend's.
 */
export function healthResponse<Report extends HealthReport>(report: Report): Response {
  return Response.json(report, {
    status: report.status === "down" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
