import "server-only";
// Reads every exported table (and, if asked, every bucket's files) through the SDK into the portable format
// (export-format.ts), gzip'd. Pages by cursor in `$sequence` order, so the export is complete however large a table.
import { gzipSync } from "node:zlib";
import { Query, type Models } from "node-appwrite";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { buckets as schemaBuckets } from "@tenang/db/schema";
import type { BookingServerContext } from "../context.ts";
import {
  EXPORT_FORMAT,
  EXPORTED_TABLES,
  SCHEMA_VERSION,
  SectionHashes,
  portableRow,
  sha256,
  type ExportLine,
  type Manifest,
} from "./export-format.ts";

const PAGE = 1000;

export interface ExportResult {
  /** The gzip'd NDJSON file. */
  data: Buffer;
  manifest: Manifest;
}

/** Every row of a table in `$sequence` order, page by page. */
export async function* readAllRows(ctx: BookingServerContext, tableId: string): AsyncGenerator<Models.DefaultRow> {
  let cursor: string | undefined;
  for (;;) {
    const page = await ctx.tablesDB.listRows({
      databaseId: ctx.databaseId,
      tableId,
      queries: [Query.limit(PAGE), Query.orderAsc("$sequence"), ...(cursor ? [Query.cursorAfter(cursor)] : [])],
      total: false,
    });
    yield* page.rows;
    if (page.rows.length < PAGE) return;
    cursor = page.rows.at(-1)!.$id;
  }
}

/** Every finished file of a bucket, oldest first. */
export async function* readAllFiles(ctx: BookingServerContext, bucketId: string): AsyncGenerator<Models.File> {
  let cursor: string | undefined;
  for (;;) {
    const page = await ctx.storage.listFiles({
      bucketId,
      queries: [Query.limit(100), ...(cursor ? [Query.cursorAfter(cursor)] : [])],
    });
    yield* page.files;
    if (page.files.length < 100) return;
    cursor = page.files.at(-1)!.$id;
  }
}

/** Buckets an export can hold: all but the one exports are written to. */
export const EXPORTED_BUCKETS: readonly string[] = schemaBuckets
  .map((b) => b.id)
  .filter((id) => id !== BUCKETS.backups);

export async function exportDatabase(
  ctx: BookingServerContext,
  options: { includeFiles: boolean },
): Promise<ExportResult> {
  const chunks: string[] = [];
  const hashes = new SectionHashes();
  const push = (line: ExportLine) => {
    const text = `${JSON.stringify(line)}\n`;
    chunks.push(text);
    return text;
  };
  push({
    header: {
      format: EXPORT_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      databaseId: ctx.databaseId,
      createdAt: ctx.clock().toISOString(),
    },
  });
  const manifest: Manifest = { tables: {}, buckets: {} };
  for (const table of EXPORTED_TABLES) {
    for await (const row of readAllRows(ctx, table)) hashes.add(table, push({ table, row: portableRow(row) }));
    const { count, sha256: digest } = hashes.result(table);
    manifest.tables[table] = { rows: count, sha256: digest };
  }
  if (options.includeFiles) {
    for (const bucket of EXPORTED_BUCKETS) {
      for await (const file of readAllFiles(ctx, bucket)) {
        const bytes = Buffer.from(await ctx.storage.getFileDownload({ bucketId: bucket, fileId: file.$id }));
        const line = push({
          bucket,
          file: { $id: file.$id, name: file.name, $permissions: file.$permissions },
          sha256: sha256(bytes),
          data: bytes.toString("base64"),
        });
        hashes.add(`bucket:${bucket}`, line);
      }
      const { count, sha256: digest } = hashes.result(`bucket:${bucket}`);
      manifest.buckets[bucket] = { files: count, sha256: digest };
    }
  }
  push({ manifest });
  return { data: gzipSync(chunks.join("")), manifest };
}
