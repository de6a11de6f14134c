// A fresh, in-memory local Appwrite server with the real schema and demo seed, for one test file.
import { randomBytes } from "node:crypto";
import { startServer, type RunningServer } from "@tenang/appwrite-local";
import { DEFAULT_DATABASE_ID } from "@tenang/booking-core/resource-ids";
import { createAdminClients } from "@tenang/db/clients";
import { applySchema } from "@tenang/db/apply-schema";
import { buckets, tables } from "@tenang/db/schema";
import { seedDemo } from "@tenang/db/seed/seed-demo";

export interface LocalStack {
  server: RunningServer;
  endpoint: string;
  projectId: string;
  databaseId: string;
  /** A random key per run, so a test can prove it never reaches the browser. */
  apiKey: string;
  admin: ReturnType<typeof createAdminClients>;
  /** Environment for a Next app pointed at this server. */
  appEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startLocalStack(opts: { seed?: boolean } = {}): Promise<LocalStack> {
  const projectId = "tenang";
  const databaseId = DEFAULT_DATABASE_ID;
  const apiKey = `e2e-key-${randomBytes(16).toString("hex")}`;
  // As in `pnpm dev`: Appwrite's abuse limits on (API-key calls, which is all the apps make, are exempt) and 30-day
  // sessions, so e2e runs see the limits a browser-held credential would meet.
  const server = await startServer({
    memory: true,
    port: 0,
    projectId,
    apiKey,
    rateLimits: true,
    sessionDurationSeconds: 30 * 24 * 3600,
  });
  const env = { endpoint: server.url, projectId, apiKey, databaseId };
  const admin = createAdminClients(env);
  const targets = { ...admin, databaseId };
  await applySchema(targets, { tables, buckets }, { pollMs: 10 });
  if (opts.seed !== false) await seedDemo(targets);
  return {
    server,
    endpoint: server.url,
    projectId,
    databaseId,
    apiKey,
    admin,
    appEnv: {
      APPWRITE_ENDPOINT: server.url,
      APPWRITE_PROJECT_ID: projectId,
      APPWRITE_API_KEY: apiKey,
      APPWRITE_DATABASE_ID: databaseId,
    },
    close: () => server.close(),
  };
}
