// The worker process: reads its env, connects to Appwrite with the API key, and runs booking-server's job loop
// until SIGTERM/SIGINT, when it finishes the item in hand and gives its lease up (the others take its share at once).
import { randomBytes } from "node:crypto";
import { createAppwriteClient } from "@tenang/app-server/appwrite/deadline-client";
import { createBookingServerContext } from "@tenang/booking-server/context";
import { runWorker } from "@tenang/booking-server/jobs/worker-loop";
import { parseWorkerEnv } from "./env";
import { maxSleepFor } from "./pace";

const env = parseWorkerEnv(process.env);
const workerId = env.WORKER_ID ?? `worker-${randomBytes(6).toString("hex")}-${process.pid}`.slice(0, 36);
const ctx = createBookingServerContext({
  endpoint: env.APPWRITE_ENDPOINT,
  projectId: env.APPWRITE_PROJECT_ID,
  apiKey: env.APPWRITE_API_KEY,
  databaseId: env.APPWRITE_DATABASE_ID,
  offerWindowSeconds: env.OFFER_WINDOW_SECONDS,
  // Every call has a deadline, so a frozen backend shows up as a failed pass instead of a worker that hangs.
  client: createAppwriteClient({
    endpoint: env.APPWRITE_ENDPOINT,
    projectId: env.APPWRITE_PROJECT_ID,
    timeoutMs: env.APPWRITE_TIMEOUT_MS,
  }),
});

const controller = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => controller.abort());

const maxSleepMs = maxSleepFor(env.WORKER_MAX_SLEEP_MS, ctx.lifecycle.offerWindowMs);
const windowNote =
  env.OFFER_WINDOW_SECONDS === undefined ? " (the default; set OFFER_WINDOW_SECONDS as for the apps)" : "";
console.log(
  `${workerId} running against ${env.APPWRITE_ENDPOINT}: offer window ${ctx.lifecycle.offerWindowMs / 1000} s` +
    `${windowNote}, sleeps at most ${maxSleepMs} ms, lease ${env.WORKER_LEASE_MS} ms`,
);
await runWorker(ctx, {
  workerId,
  maxSleepMs,
  leaseMs: env.WORKER_LEASE_MS,
  signal: controller.signal,
  log: (line) => console.log(line),
});
console.log(`${workerId} stopped`);
