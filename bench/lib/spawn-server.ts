// Runs the local Appwrite server as its own process (as in production use), so the benchmark client does not share
// its event loop with the server.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const bin = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../packages/appwrite-local/bin/appwrite-local.js",
);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect({ port, host: "127.0.0.1" });
      sock.once("connect", () => {
        sock.destroy();
        resolve(true);
      });
      sock.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`port ${port} did not open`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface SpawnedServer {
  endpoint: string;
  projectId: string;
  apiKey: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function spawnLocalServer(opts: { dataDir?: string }): Promise<SpawnedServer> {
  const port = await freePort();
  const projectId = "bench";
  const apiKey = "bench-key";
  const storage = opts.dataDir ? ["--data", opts.dataDir] : ["--memory"];
  const child = spawn(
    process.execPath,
    [bin, "--port", String(port), ...storage, "--project", projectId, "--api-key", apiKey, "--log", "silent"],
    {
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  await waitForPort(port);
  return {
    endpoint: `http://127.0.0.1:${port}/v1`,
    projectId,
    apiKey,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
