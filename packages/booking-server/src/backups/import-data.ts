import "server-only";
// Restores a portable export into an empty database through the SDK: checks the header's schema version and every
// section's count and sha256 against the manifest before writing anything, then writes rows in bulk upserts of 100
// (each one atomic), saving a checkpoint on the restore's backup_runs row after each batch. A restore that crashed
// resumes from its checkpoint; upserts make the batch in flight when it died safe to write again.
import { gunzipSync } from "node:zlib";
import { AppwriteException } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import type { BookingServerContext } from "../context.ts";
import {
  EXPORT_FORMAT,
  EXPORTED_TABLES,
  SCHEMA_VERSION,
  SectionHashes,
  portableRow,
  sha256,
  type ExportHeader,
  type ExportLine,
  type ExportedFile,
  type ExportedRow,
  type Manifest,
} from "./export-format.ts";
import { readAllRows } from "./export-data.ts";

const BATCH = 100;

export class BackupFormatError extends Error {
  override name = "BackupFormatError";
}

export interface ParsedExport {
  header: ExportHeader;
  manifest: Manifest;
  rows: Map<string, ExportedRow[]>;
  files: Map<string, Array<{ file: ExportedFile; data: Buffer }>>;
}

/** Parses and verifies an export: format, schema version, and every section against the manifest. */
export function parseExport(gz: Buffer): ParsedExport {
  const lines = gunzipSync(gz).toString("utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const first = JSON.parse(lines[0] ?? "{}") as Partial<{ header: ExportHeader }>;
  const last = JSON.parse(lines.at(-1) ?? "{}") as Partial<{ manifest: Manifest }>;
  if (first.header?.format !== EXPORT_FORMAT) throw new BackupFormatError("Not a Tenang export (unknown format).");
  if (first.header.schemaVersion !== SCHEMA_VERSION) {
    throw new BackupFormatError(
      `The export is of schema ${first.header.schemaVersion}; this database is at ${SCHEMA_VERSION}.`,
    );
  }
  if (!last.manifest) throw new BackupFormatError("The export is truncated (no manifest).");
  const hashes = new SectionHashes();
  const rows = new Map<string, ExportedRow[]>();
  const files = new Map<string, Array<{ file: ExportedFile; data: Buffer }>>();
  for (const text of lines.slice(1, -1)) {
    const line = JSON.parse(text) as ExportLine;
    const withNewline = `${text}\n`;
    if ("table" in line) {
      hashes.add(line.table, withNewline);
      let list = rows.get(line.table);
      if (!list) rows.set(line.table, (list = []));
      list.push(line.row);
    } else if ("bucket" in line) {
      hashes.add(`bucket:${line.bucket}`, withNewline);
      const data = Buffer.from(line.data, "base64");
      if (sha256(data) !== line.sha256) throw new BackupFormatError(`File ${line.file.$id} is corrupt.`);
      let list = files.get(line.bucket);
      if (!list) files.set(line.bucket, (list = []));
      list.push({ file: line.file, data });
    }
  }
  for (const [table, expected] of Object.entries(last.manifest.tables)) {
    const got = hashes.result(table);
    if (got.count !== expected.rows || got.sha256 !== expected.sha256) {
      throw new BackupFormatError(
        `Table ${table} does not match the manifest (${got.count} of ${expected.rows} rows).`,
      );
    }
  }
  for (const [bucket, expected] of Object.entries(last.manifest.buckets)) {
    const got = hashes.result(`bucket:${bucket}`);
    if (got.count !== expected.files || got.sha256 !== expected.sha256) {
      throw new BackupFormatError(`Bucket ${bucket} does not match the manifest.`);
    }
  }
  return { header: first.header, manifest: last.manifest, rows, files };
}

/** True when no exported table holds a row (the only database an import writes into, unless it resumes). */
export async function isDatabaseEmpty(ctx: BookingServerContext): Promise<boolean> {
  for (const table of EXPORTED_TABLES) {
    for await (const row of readAllRows(ctx, table)) {
      void row;
      return false;
    }
  }
  return true;
}

/** Progress of an import: rows written per table, files written per bucket (`bucket:<id>`). */
export type Checkpoint = Record<string, number>;

export async function importExport(
  ctx: BookingServerContext,
  parsed: ParsedExport,
  checkpoint: Checkpoint,
  saveCheckpoint: (c: Checkpoint) => Promise<void>,
): Promise<void> {
  const progress: Checkpoint = { ...checkpoint };
  for (const table of EXPORTED_TABLES) {
    const rows = parsed.rows.get(table) ?? [];
    for (let from = progress[table] ?? 0; from < rows.length; from += BATCH) {
      await ctx.tablesDB.upsertRows({
        databaseId: ctx.databaseId,
        tableId: table,
        rows: rows.slice(from, from + BATCH),
      });
      progress[table] = Math.min(from + BATCH, rows.length);
      await saveCheckpoint(progress);
    }
  }
  for (const [bucket, files] of parsed.files) {
    const key = `bucket:${bucket}`;
    for (let i = progress[key] ?? 0; i < files.length; i++) {
      const { file, data } = files[i]!;
      try {
        await ctx.storage.createFile({
          bucketId: bucket,
          fileId: file.$id,
          file: InputFile.fromBuffer(data, file.name),
          permissions: file.$permissions,
        });
      } catch (err) {
        // Written before a crash, after the last checkpoint: already there.
        if (!(err instanceof AppwriteException && err.code === 409)) throw err;
      }
      progress[key] = i + 1;
      if (progress[key] % 20 === 0 || i === files.length - 1) await saveCheckpoint(progress);
    }
  }
}

/** Re-reads every restored table and compares counts and sha256 with the manifest; returns the mismatches. */
export async function verifyAgainstManifest(ctx: BookingServerContext, manifest: Manifest): Promise<string[]> {
  const problems: string[] = [];
  for (const [table, expected] of Object.entries(manifest.tables)) {
    const hashes = new SectionHashes();
    for await (const row of readAllRows(ctx, table)) {
      hashes.add(table, `${JSON.stringify({ table, row: portableRow(row) })}\n`);
    }
    const got = hashes.result(table);
    if (got.count !== expected.rows) problems.push(`${table}: ${got.count} rows, expected ${expected.rows}`);
    else if (got.sha256 !== expected.sha256) problems.push(`${table}: checksum differs`);
  }
  return problems;
}
