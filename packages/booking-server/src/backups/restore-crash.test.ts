// kill -9 of a `pnpm db:restore` process part-way (the real CLI in a child process): the restore is left `running`
// with its checkpoint, never reported as done; running the same command again resumes it and ends with every row of
// the export in place, no duplicates, checked against the manifest.
/* eslint-disable no-restricted-globals -- starts the CLI as its own process: it needs node's path and environment. */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query } from "node-appwrite";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { createBookingServerContext, type BookingServerContext } from "../context.ts";
import { readAllRows } from "./export-data.ts";
import { EXPORTED_TABLES, portableRow } from "./export-format.ts";
import { seedProofData } from "./proof-data.ts";
import { runBackup } from "./run-backup.ts";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SIZES = { therapists: 100, messages: 15_000, commissions: 5_000 };
let stack: LocalStack;
let ctx: BookingServerContext;
let copy: BookingServerContext;

beforeAll(async () => {
  stack = await startLocalStack({ seed: false });
  ctx = createBookingServerContext(stack);
  copy = createBookingServerContext({ ...stack, databaseId: "copy" });
  await seedProofData(ctx, SIZES);
}, 120_000);
afterAll(() => stack.close());

function restoreProcess(fileId: string) {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "src/backups/cli.ts", "restore", fileId],
    {
      cwd: PACKAGE_DIR,
      env: {
        ...process.env,
        APPWRITE_ENDPOINT: stack.endpoint,
        APPWRITE_PROJECT_ID: stack.projectId,
        APPWRITE_API_KEY: stack.apiKey,
        APPWRITE_DATABASE_ID: "copy",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

async function restoreRun(): Promise<{ outcome: string; checkpoint: string | null } | undefined> {
  try {
    const { rows } = await copy.tablesDB.listRows({
      databaseId: "copy",
      tableId: TABLES.backupRuns,
      queries: [Query.equal("kind", "restore")],
    });
    return rows[0] as unknown as { outcome: string; checkpoint: string | null } | undefined;
  } catch {
    return undefined; // the schema is not there yet
  }
}

const done = (checkpoint: string | null) =>
  Object.values(JSON.parse(checkpoint ?? "{}") as Record<string, number>).reduce((a, b) => a + b, 0);

describe("pnpm db:restore and kill -9", () => {
  it("resumes a killed restore from its checkpoint and ends exact", async () => {
    const backup = await runBackup(ctx, { trigger: "manual", includeFiles: true });
    const first = restoreProcess(backup.fileId!);
    const deadline = Date.now() + 120_000;
    while (done((await restoreRun())?.checkpoint ?? null) < 3_000) {
      if (Date.now() > deadline) throw new Error(`restore made no progress: ${first.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");

    const interrupted = await restoreRun();
    expect(interrupted?.outcome).toBe("running");
    const written = done(interrupted!.checkpoint);
    expect(written).toBeGreaterThanOrEqual(3_000);
    expect(written).toBeLessThan(SIZES.therapists + SIZES.messages + SIZES.commissions);

    const second = restoreProcess(backup.fileId!);
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.output()).toContain("(resumed)");
    expect(second.output()).toContain("every table matches");
    expect((await restoreRun())?.outcome).toBe("succeeded");
    for (const table of EXPORTED_TABLES) {
      const original: unknown[] = [];
      for await (const row of readAllRows(ctx, table)) original.push(portableRow(row));
      const restored: unknown[] = [];
      for await (const row of readAllRows(copy, table)) restored.push(portableRow(row));
      expect(restored).toEqual(original);
    }
  }, 300_000);
});
