// pnpm db:backup [--no-files] [--out FILE]  – export the database (and stored files) into the backups bucket
// pnpm db:restore <fileId|FILE>              – restore an export into APPWRITE_DATABASE_ID (empty, or a crashed
//                                               restore of the same export, which resumes)
// Targets APPWRITE_ENDPOINT / APPWRITE_PROJECT_ID / APPWRITE_API_KEY (/ APPWRITE_DATABASE_ID), defaulting to the local
// server, like `pnpm db:setup`. Run with `--conditions=react-server` (the package scripts do) so "server-only" loads.
/* eslint-disable no-restricted-globals -- the one entry point of this package: it reads the environment and the
   command line and hands the engine its configuration as arguments, as the apps' env modules do. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { readDbEnv } from "@tenang/db/env";
import { applySchema } from "@tenang/db/apply-schema";
import { createAdminClients } from "@tenang/db/clients";
import { buckets, tables } from "@tenang/db/schema";
import { createBookingServerContext } from "../context.ts";
import { restoreBackup, runBackup } from "./run-backup.ts";

const env = readDbEnv(process.env);
const ctx = createBookingServerContext(env);
const [command, ...args] = process.argv.slice(2);
// pnpm runs package scripts in the package's folder; paths on the command line are relative to where it was typed.
const fromCaller = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

if (command === "backup") {
  const run = await runBackup(ctx, { trigger: "manual", includeFiles: !args.includes("--no-files") });
  console.log(`[db] backup ${run.id}: ${run.sizeBytes} bytes in ${BUCKETS.backups}/${run.fileId}`);
  console.log(`[db] ${JSON.stringify(run.counts)}`);
  const out = args[args.indexOf("--out") + 1];
  if (args.includes("--out") && out) {
    const data = Buffer.from(await ctx.storage.getFileDownload({ bucketId: BUCKETS.backups, fileId: run.fileId! }));
    writeFileSync(fromCaller(out), data);
    console.log(`[db] also written to ${fromCaller(out)}`);
  }
} else if (command === "restore" && args[0]) {
  const source = existsSync(fromCaller(args[0])) ? fromCaller(args[0]) : args[0];
  // A new database ID gets the schema first; on an existing one this changes nothing.
  await applySchema({ ...createAdminClients(env), databaseId: env.databaseId }, { tables, buckets });
  const report = existsSync(source)
    ? await restoreBackup(ctx, { data: readFileSync(source), name: path.basename(source) })
    : await restoreBackup(ctx, { fileId: source });
  console.log(
    `[db] restore into ${env.databaseId}${report.resumed ? " (resumed)" : ""}: ${JSON.stringify(report.counts)}`,
  );
  if (report.mismatches.length > 0) {
    console.error(`[db] restored data differs from the export's manifest: ${report.mismatches.join("; ")}`);
    process.exit(1);
  }
  console.log("[db] every table matches the export's row counts and checksums");
} else {
  console.error("usage: db:backup [--no-files] [--out FILE] | db:restore <fileId|FILE>");
  process.exit(2);
}
