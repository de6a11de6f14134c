// A fresh, in-memory local Appwrite server in a child process of its own (the `appwrite-local` CLI), for tests that
// attack the server's process itself: a prototype pollution there must not reach, or be hidden by, the test runner.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface LocalServerProcess {
  /** The SDK endpoint, including /v1. */
  endpoint: string;
  projectId: string;
  apiKey: string;
  output(): string;
  close(): Promise<void>;
}

export async function startLocalServerProcess(
  opts: { projectId?: string; env?: Record<string, string>; args?: string[] } = {},
): Promise<LocalServerProcess> {
  const projectId = opts.projectId ?? "tenang";
  const apiKey = `process-key-${randomBytes(16).toString("hex")}`;
  const port = await freePort();
  const bin = path.join(repoRoot, "packages", "appwrite-local", "bin", "appwrite-local.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      "--memory",
      "--port",
      String(port),
      "--project",
      projectId,
      "--api-key",
      apiKey,
      "--log",
      "silent",
      ...(opts.args ?? []),
    ],
    {
      cwd: path.join(repoRoot, "packages", "appwrite-local"),
      env: { ...process.env, ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const endpoint = `http://127.0.0.1:${port}/v1`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`appwrite-local exited early:\n${log}`);
    try {
      await fetch(`${endpoint}/health/version`);
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`appwrite-local did not come up:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    projectId,
    apiKey,
    output: () => log,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
