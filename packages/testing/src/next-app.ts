// Starts one app's production build on a free port the way production does: through app-server's bin/serve.mjs
// (the apps' `start` script), which serves the build like `next start` but takes the client's address from the
// socket. The build must exist (turbo runs `build` before `test:e2e`); a missing build fails with the command that
// makes it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export type AppName = "customer" | "therapist-dashboard" | "admin-dashboard";

export interface RunningApp {
  url: string;
  dir: string;
  output(): string;
  close(): Promise<void>;
}

/** The apps' build folder: TENANG_NEXT_DIST_DIR (read by next.config too) lets parallel work build its own copy. */
export function nextDistDir(): string {
  return process.env.TENANG_NEXT_DIST_DIR ?? ".next";
}

export async function startNextApp(app: AppName, env: Record<string, string>): Promise<RunningApp> {
  const dir = path.join(repoRoot, "apps", app);
  const distDir = nextDistDir();
  if (!fs.existsSync(path.join(dir, distDir, "BUILD_ID"))) {
    throw new Error(`apps/${app} has no production build in ${distDir}. Run: pnpm --filter @tenang/${app} build`);
  }
  const port = await freePort();
  const serve = path.join(dir, "node_modules", "@tenang", "app-server", "bin", "serve.mjs");
  const child: ChildProcess = spawn(process.execPath, [serve, "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: dir,
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve.mjs for ${app} exited early:\n${log}`);
    try {
      // Any answer means the app is serving; /api/health says 503 while the backend is down, which some tests want.
      await fetch(`${url}/api/health`);
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`serve.mjs for ${app} did not come up:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dir,
    output: () => log,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
