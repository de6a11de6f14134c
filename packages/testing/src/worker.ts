// The marketplace's worker (packages/worker) as a child process, as production runs it: the e2e worlds start one next
// to the apps so offers and deadlines move with no browser involved, and the worker's own tests start several.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = path.join(repoRoot, "packages", "worker", "bin", "tenang-worker.js");

export interface RunningWorker {
  /** Everything the worker printed: one line per job that did something, and failures. */
  output(): string;
  /** SIGTERM: it finishes the item in hand and gives its lease up. */
  stop(): Promise<void>;
  /** SIGKILL, mid-whatever: what a crash or an OOM kill does. */
  kill(): Promise<void>;
}

/** Starts a worker against the Appwrite in `env` (a LocalStack's appEnv plus e.g. OFFER_WINDOW_SECONDS). */
export async function startWorker(env: Record<string, string>): Promise<RunningWorker> {
  // --conditions=react-server: booking-server's `import "server-only"` resolves to its empty module (see the bin).
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", bin], {
    cwd: path.join(repoRoot, "packages", "worker"),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  // Ready once it has said where it runs: its env parsed, its first pass about to start.
  const deadline = Date.now() + 30_000;
  while (!log.includes(" running against ")) {
    if (child.exitCode !== null) throw new Error(`the worker exited early:\n${log}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return { output: () => log, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
