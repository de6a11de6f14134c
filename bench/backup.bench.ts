// Backup and restore of the 50,000-row proof set (booking-server/src/backups/proof-data.ts) on the local server in
// its own process (WAL on disk): the Backups API (SQLite online backup; restore in one transaction) and the portable
// export/import (through the SDK), next to a raw file copy of the SQLite database as the baseline.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BackupServices, Backups, Client } from "node-appwrite";
import { applySchema } from "@tenang/db/apply-schema";
import { createAdminClients } from "@tenang/db/clients";
import { buckets, tables } from "@tenang/db/schema";
import { createBookingServerContext } from "@tenang/booking-server/context";
import { PROOF_SIZES, seedProofData } from "@tenang/booking-server/backups/proof-data";
import { restoreBackup, runBackup } from "@tenang/booking-server/backups/run-backup";
import { spawnLocalServer } from "./lib/spawn-server.ts";
import { fmt } from "./lib/stats.ts";
import { recordSection } from "./lib/record.ts";

const ROWS = PROOF_SIZES.therapists + PROOF_SIZES.messages + PROOF_SIZES.commissions;
const MB = 1024 * 1024;

async function settle<T extends { status: string }>(get: () => Promise<T>): Promise<T> {
  for (;;) {
    const item = await get();
    if (item.status === "completed" || item.status === "failed") return item;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-backup-"));
const server = await spawnLocalServer({ dataDir: dir });
try {
  const env = { endpoint: server.endpoint, projectId: server.projectId, apiKey: server.apiKey, databaseId: "tenang" };
  const setUp = (databaseId: string) =>
    applySchema({ ...createAdminClients(env), databaseId }, { tables, buckets }, { pollMs: 10 });
  await setUp("tenang");
  const ctx = createBookingServerContext(env);
  await seedProofData(ctx);
  const backups = new Backups(new Client().setEndpoint(env.endpoint).setProject(env.projectId).setKey(env.apiKey));

  // Baseline: copy the database file (and its WAL) as it lies on disk, with the server idle.
  const dbFile = path.join(dir, "appwrite.sqlite");
  const copy = await timed(async () => {
    let bytes = 0;
    for (const suffix of ["", "-wal"]) {
      if (!fs.existsSync(dbFile + suffix)) continue;
      fs.copyFileSync(dbFile + suffix, path.join(dir, `copy${suffix}`));
      bytes += fs.statSync(dbFile + suffix).size;
    }
    return bytes;
  });

  const archive = await timed(async () => {
    const { $id } = await backups.createArchive({ services: [BackupServices.Databases], resourceId: "tenang" });
    return settle(() => backups.getArchive({ archiveId: $id }));
  });
  if (archive.value.status !== "completed") throw new Error("archive failed");
  const restoration = await timed(async () => {
    const { $id } = await backups.createRestoration({
      archiveId: archive.value.$id,
      services: [BackupServices.Databases],
      newResourceId: "tenang-restored",
    });
    return settle(() => backups.getRestoration({ restorationId: $id }));
  });
  if (restoration.value.status !== "completed") throw new Error("restoration failed");

  const exported = await timed(() => runBackup(ctx, { trigger: "manual", includeFiles: false }));
  await setUp("tenang-imported");
  const imported = await timed(() =>
    restoreBackup(createBookingServerContext({ ...env, databaseId: "tenang-imported" }), {
      fileId: exported.value.fileId!,
    }),
  );
  if (imported.value.mismatches.length > 0) throw new Error(`import differs: ${imported.value.mismatches.join("; ")}`);

  const line = (what: string, seconds: number, bytes: number, note: string) =>
    `| ${what} | ${fmt(seconds)} | ${Math.round(ROWS / seconds)} | ${fmt(bytes / MB)} | ${fmt(bytes / MB / seconds)} | ${note} |`;
  const exportBytes = exported.value.sizeBytes ?? 0;
  const body = `
| ${ROWS.toLocaleString("en-US")} rows (3 tables of the real schema) | seconds | rows/s | MB | MB/s | |
| --- | --- | --- | --- | --- | --- |
${line("baseline: raw copy of the SQLite file (+ WAL)", copy.seconds, copy.value, "server idle; not a consistent backup while it writes")}
${line("Backups API: archive (SQLite online backup)", archive.seconds, archive.value.size, "createArchive → completed, polled every 20 ms")}
${line("Backups API: restore into a new database", restoration.seconds, archive.value.size, "createRestoration → completed; one SQLite transaction")}
${line("export (SDK → NDJSON.gz → backups bucket)", exported.seconds, exportBytes, "MB = the gzip'd export")}
${line("import (bucket → SDK bulk upserts of 100, verified)", imported.seconds, exportBytes, "incl. re-reading every table against the manifest")}

The archive covers the whole store file (${fmt(archive.value.size / MB)} MB for ${fmt(copy.value / MB)} MB on disk), so its MB/s compares with the raw copy; the export is compressed JSON, so its rows/s is the figure to compare. One run.
`;
  console.log(body);
  recordSection("backup", "Backup and restore: 50,000 rows", body);
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
