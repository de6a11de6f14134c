// The one place the worker reads configuration: the Appwrite variables every app reads (app-server's env pieces,
// so the names and the local defaults are the same), the offer window (it must match the apps': the worker makes the
// next offer when one runs out), and the worker's own pace.
import { appwriteServerSchema, blankAsMissing, parseEnv, type RawEnv } from "@tenang/app-server/env";
import { z } from "zod";

const schema = appwriteServerSchema({
  // The customer app's and therapist dashboard's OFFER_WINDOW_SECONDS; unset, booking-core's default (60 s).
  OFFER_WINDOW_SECONDS: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(600).optional()),
  // The longest sleep between looks at the next deadline (it is also shortened below the offer window).
  WORKER_MAX_SLEEP_MS: z.preprocess(blankAsMissing, z.coerce.number().int().min(100).max(60_000).default(5000)),
  // How long a worker's share stays its own without a heartbeat: a killed worker's items wait at most this long.
  WORKER_LEASE_MS: z.preprocess(blankAsMissing, z.coerce.number().int().min(1000).max(300_000).default(10_000)),
  // A name for this process in logs and /api/health; a random one otherwise.
  WORKER_ID: z.preprocess(
    blankAsMissing,
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/, "must be 1–36 of A–Z a–z 0–9 . _ -, not starting with . _ -")
      .optional(),
  ),
});

export type WorkerEnv = z.output<typeof schema>;

export function parseWorkerEnv(raw: RawEnv): WorkerEnv {
  return parseEnv(schema, raw);
}
