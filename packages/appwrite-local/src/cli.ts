// appwrite-local [--port 8080] [--host 127.0.0.1] (--data DIR | --memory) [--project ID] [--api-key KEY] [--log debug]
//   [--rate-limits]  (Appwrite's abuse limits; off by default)
//   [--session-duration SECONDS]  (how long sessions last; Appwrite's default is one year)
//   [--allowed-origins HOST,HOST]  (browser origins allowed besides localhost: hostnames, origins or *.domain)
// Every flag can also come from the environment: APPWRITE_LOCAL_PORT, _HOST, _DATA, _MEMORY=1, _PROJECT, _API_KEY, _LOG,
// _RATE_LIMITS=1, _SESSION_DURATION, _ALLOWED_ORIGINS.
import { parseArgs } from "node:util";
import { startServer, type ServerOptions } from "./server.ts";

const env = process.env;
const { values } = parseArgs({
  options: {
    port: { type: "string", default: env.APPWRITE_LOCAL_PORT ?? "8080" },
    host: { type: "string", default: env.APPWRITE_LOCAL_HOST ?? "127.0.0.1" },
    data: { type: "string", default: env.APPWRITE_LOCAL_DATA },
    memory: { type: "boolean", default: env.APPWRITE_LOCAL_MEMORY === "1" },
    project: { type: "string", default: env.APPWRITE_LOCAL_PROJECT ?? "tenang" },
    "api-key": { type: "string", default: env.APPWRITE_LOCAL_API_KEY ?? "local-dev-key" },
    log: { type: "string", default: env.APPWRITE_LOCAL_LOG ?? "info" },
    "rate-limits": { type: "boolean", default: env.APPWRITE_LOCAL_RATE_LIMITS === "1" },
    "session-duration": { type: "string", default: env.APPWRITE_LOCAL_SESSION_DURATION },
    "allowed-origins": { type: "string", default: env.APPWRITE_LOCAL_ALLOWED_ORIGINS ?? "" },
  },
});

const logLevel = values.log === "debug" ? "debug" : values.log === "silent" ? "silent" : "info";
const server = await startServer({
  port: Number(values.port),
  host: values.host,
  dataDir: values.memory ? undefined : (values.data ?? ".data/appwrite"),
  memory: values.memory,
  projectId: values.project,
  apiKey: values["api-key"],
  logLevel,
  rateLimits: values["rate-limits"],
  sessionDurationSeconds: values["session-duration"] === undefined ? undefined : Number(values["session-duration"]),
  allowedOrigins: values["allowed-origins"]
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean),
  ...backupFault(env.APPWRITE_LOCAL_BACKUP_FAULT),
});

/** Test-only: the crash tests ask the server to SIGKILL itself inside a backup or restore job. */
function backupFault(value: string | undefined): Pick<ServerOptions, "backupFault"> {
  return value === "kill-during-backup" || value === "kill-during-restore" ? { backupFault: value } : {};
}
if (logLevel !== "silent") {
  console.log(
    `[appwrite-local] listening on ${server.url} (project ${server.config.projectId}, ${server.config.memory ? "in memory" : `data in ${server.config.dataDir}`})`,
  );
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
