// pnpm dev – the whole marketplace on this machine: the local Appwrite-compatible server (data in .data/), schema +
// demo seed, the worker (packages/worker: offer deadlines, auto-retry, overdue commissions) and the three apps in dev
// mode. Ctrl-C stops everything. Run with tsx so it can import TypeScript (the
// demo logins from packages/db, the default database id from booking-core).
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATABASE_ID } from "../packages/booking-core/src/resource-ids.ts";
import { DEMO_LOGINS } from "../packages/db/src/seed/demo-data.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  APPWRITE_ENDPOINT: process.env.APPWRITE_ENDPOINT ?? "http://127.0.0.1:8080/v1",
  APPWRITE_PROJECT_ID: process.env.APPWRITE_PROJECT_ID ?? "tenang",
  APPWRITE_DATABASE_ID: process.env.APPWRITE_DATABASE_ID ?? DEFAULT_DATABASE_ID,
};
const useLocalServer = !process.env.APPWRITE_ENDPOINT;
const localPort = Number(process.env.APPWRITE_LOCAL_PORT ?? 8080);

const APPS = [
  { name: "customer", port: 3000, label: "Customer site      " },
  { name: "therapist-dashboard", port: 3001, label: "Therapist dashboard" },
  { name: "admin-dashboard", port: 3002, label: "Admin dashboard    " },
];

const children = new Set();
let stopping = false;

function run(name, command, args, opts = {}) {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true, ...opts });
  children.add(child);
  const prefix = `[${name}] `;
  const pipe = (stream, out) => {
    let buf = "";
    stream.on("data", (chunk) => {
      buf += chunk.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const line of lines) out.write(prefix + line + "\n");
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping && opts.critical !== false) {
      console.error(`${prefix}exited (${signal ?? code}); stopping everything.`);
      void stop(1);
    }
  });
  return child;
}

function runToEnd(name, command, args) {
  return new Promise((resolve, reject) => {
    const child = run(name, command, args, { critical: false });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed with exit code ${code}`))));
  });
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  const deadline = Date.now() + 5000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

async function main() {
  const busy = [];
  for (const app of APPS) if (await portInUse(app.port)) busy.push(app.port);
  if (useLocalServer && (await portInUse(localPort))) busy.push(localPort);
  if (busy.length > 0) {
    console.error(
      `Port(s) ${busy.join(", ")} already in use. Stop whatever is running there (another pnpm dev?) and try again.`,
    );
    process.exit(1);
  }

  if (useLocalServer) {
    run("appwrite", "node", [
      "packages/appwrite-local/bin/appwrite-local.js",
      "--port",
      String(localPort),
      "--data",
      ".data/appwrite",
      "--project",
      env.APPWRITE_PROJECT_ID,
      "--api-key",
      "local-dev-key",
      // Appwrite Cloud's abuse limits (the apps call with the API key, which is exempt) and a 30-day session length.
      "--rate-limits",
      "--session-duration",
      String(30 * 24 * 3600),
    ]);
    await waitForHttp(`http://127.0.0.1:${localPort}/v1/`, 30_000);
  }
  await runToEnd("db", "pnpm", ["--silent", "--filter", "@tenang/db", "run", "db:setup", "--seed"]);

  // The marketplace's clock: moves offers that ran out (auto-retry) and every other deadline with no browser open,
  // as in production. It logs one line per job that did something. Its env is this one (APPWRITE_*, and
  // OFFER_WINDOW_SECONDS if you shorten the apps' offer window, so the next offer it makes lasts as long).
  run("worker", "node", ["--conditions=react-server", "packages/worker/bin/tenang-worker.js"]);

  for (const app of APPS) run(app.name, "pnpm", ["--silent", "--filter", `@tenang/${app.name}`, "dev"]);
  await Promise.all(APPS.map((app) => waitForHttp(`http://127.0.0.1:${app.port}/`, 120_000)));

  console.log(`
  Tenang is running${useLocalServer ? " on the local Appwrite server (data in .data/appwrite)" : ` against ${env.APPWRITE_ENDPOINT}`}:

    ${APPS.map((a) => `${a.label}  http://localhost:${a.port}`).join("\n    ")}${useLocalServer ? `\n    Local Appwrite API   http://127.0.0.1:${localPort}/v1` : ""}

  Demo logins:
    therapist  ${DEMO_LOGINS.therapist.email} / ${DEMO_LOGINS.therapist.password}   (http://localhost:3001)
    admin      ${DEMO_LOGINS.admin.email} / ${DEMO_LOGINS.admin.password}           (http://localhost:3002)

  Press Ctrl-C to stop.
`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  void stop(1);
});
