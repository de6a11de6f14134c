// The portable export: one gzip'd NDJSON file. Line 1 is the header (format, schema version, source database); then
// one line per row (`{"table","row"}`) and per stored file (`{"bucket","file","sha256","data"}`, bytes in base64);
// the last line is the manifest: rows per table and files per bucket, each with the sha256 of its lines. Rows are
// written with sorted keys, so the same data always gives the same bytes and a restored table can be re-hashed and
// compared with the manifest.
import { createHash } from "node:crypto";
import { tables as schemaTables } from "@tenang/db/schema";
import { TABLES } from "@tenang/booking-core/resource-ids";

export const EXPORT_FORMAT = "tenang-export/1";

/**
 * The schema an export was taken from: a fingerprint of packages/db's table definitions, so an import refuses an
 * export of another schema instead of half-failing on a column that moved.
 */
export const SCHEMA_VERSION = createHash("sha256").update(JSON.stringify(schemaTables)).digest("hex").slice(0, 16);

/** Tables an export holds: all of them but the log of backup runs, which describes this database, not its data. */
export const EXPORTED_TABLES: readonly string[] = schemaTables
  .map((t) => t.id)
  .filter((id) => id !== TABLES.backupRuns);

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  schemaVersion: string;
  databaseId: string;
  createdAt: string;
}

export type ExportedRow = Record<string, unknown> & { $id: string };

export interface ExportedFile {
  $id: string;
  name: string;
  $permissions: string[];
}

export interface Manifest {
  tables: Record<string, { rows: number; sha256: string }>;
  buckets: Record<string, { files: number; sha256: string }>;
}

export type ExportLine =
  | { header: ExportHeader }
  | { table: string; row: ExportedRow }
  | { bucket: string; file: ExportedFile; sha256: string; data: string }
  | { manifest: Manifest };

/** A row as exported: its data columns, `$id`, timestamps and permissions, keys sorted; never where it was stored. */
export function portableRow(row: Record<string, unknown>): ExportedRow {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row).sort()) {
    if (key === "$sequence" || key === "$databaseId" || key === "$tableId") continue;
    out[key] = row[key];
  }
  return out as ExportedRow;
}

/** Running sha256 and count per section (table or bucket), over the exact lines written. */
export class SectionHashes {
  private readonly hashes = new Map<string, { count: number; hash: ReturnType<typeof createHash> }>();

  add(section: string, line: string): void {
    let entry = this.hashes.get(section);
    if (!entry) {
      entry = { count: 0, hash: createHash("sha256") };
      this.hashes.set(section, entry);
    }
    entry.count++;
    entry.hash.update(line);
  }

  /** Count and hex digest of a section (an empty section hashes the empty string). */
  result(section: string): { count: number; sha256: string } {
    const entry = this.hashes.get(section);
    return entry
      ? { count: entry.count, sha256: entry.hash.copy().digest("hex") }
      : { count: 0, sha256: createHash("sha256").digest("hex") };
  }
}

export const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
