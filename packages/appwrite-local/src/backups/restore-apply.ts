// The SQLite half of a restoration: copies databases (catalog + rows + row permissions) and buckets (bucket and file
// rows, and in --memory mode the file bytes) from an archive ATTACHed as `arc` into the live store. The caller runs
// it inside one SQLite transaction, so a failure or a kill -9 part-way leaves the live store as it was.
import type { Sqlite } from "../store.ts";
import type { Catalog } from "../tablesdb/catalog.ts";
import { parseJson } from "../tablesdb/json.ts";
import { permsName, physicalName, quoteIdent } from "../tablesdb/ddl.ts";
import type { ColumnMeta, IndexMeta } from "../tablesdb/types.ts";

interface ArchivedDatabase {
  seq: number;
  id: string;
  name: string;
  enabled: number;
}

interface ArchivedTable {
  seq: number;
  id: string;
  name: string;
  enabled: number;
  row_security: number;
  permissions: string;
}

export const archivedDatabaseIds = (db: Sqlite): string[] =>
  (db.prepare("SELECT id FROM arc._tdb_databases ORDER BY seq").all() as Array<{ id: string }>).map((r) => r.id);

export const archivedBucketIds = (db: Sqlite): string[] =>
  (db.prepare("SELECT id FROM arc._storage_buckets ORDER BY seq").all() as Array<{ id: string }>).map((r) => r.id);

/** Replaces database `to` (if it exists) by archived database `from`, keeping row IDs, sequences and permissions. */
export function restoreDatabase(db: Sqlite, catalog: Catalog, from: string, to: string, name?: string): number {
  const source = db.prepare("SELECT * FROM arc._tdb_databases WHERE id = ?").get(from) as ArchivedDatabase | undefined;
  if (!source) throw new Error(`The archive holds no database '${from}'.`);
  const existing = catalog.getDatabase(to);
  if (existing) catalog.deleteDatabase(existing);
  const database = catalog.createDatabase(to, name ?? source.name, source.enabled === 1);
  const tables = db
    .prepare("SELECT * FROM arc._tdb_tables WHERE database_seq = ? ORDER BY seq")
    .all(source.seq) as ArchivedTable[];
  let rows = 0;
  for (const t of tables) {
    const columns = (
      db.prepare("SELECT spec FROM arc._tdb_columns WHERE table_seq = ? ORDER BY position").all(t.seq) as Array<{
        spec: string;
      }>
    ).map((c) => parseJson(c.spec) as ColumnMeta);
    const indexes = (
      db.prepare("SELECT spec FROM arc._tdb_indexes WHERE table_seq = ? ORDER BY seq").all(t.seq) as Array<{
        spec: string;
      }>
    ).map((i) => parseJson(i.spec) as Omit<IndexMeta, "seq">);
    // Indexes are built after the rows are in: one sort per index instead of one B-tree insert per row.
    let table = catalog.createTable(database, {
      id: t.id,
      name: t.name,
      enabled: t.enabled === 1,
      rowSecurity: t.row_security === 1,
      permissions: JSON.parse(t.permissions) as string[],
      columns,
      indexes: [],
    });
    const names = ["_seq", "_uid", "_createdAt", "_updatedAt", "_permissions", ...columns.map((c) => c.key)]
      .map(quoteIdent)
      .join(", ");
    const info = db
      .prepare(
        `INSERT INTO main.${quoteIdent(physicalName(table.seq))} (${names}) SELECT ${names} FROM arc.${quoteIdent(physicalName(t.seq))}`,
      )
      .run();
    rows += info.changes;
    db.prepare(
      `INSERT INTO main.${quoteIdent(permsName(table.seq))} (_action, _role, _row) SELECT _action, _role, _row FROM arc.${quoteIdent(permsName(t.seq))}`,
    ).run();
    for (const index of indexes) table = catalog.addIndex(table, index);
  }
  return rows;
}

const columnsOf = (db: Sqlite, table: string): string[] =>
  (db.prepare(`PRAGMA main.table_info(${quoteIdent(table)})`).all() as Array<{ name: string }>)
    .map((c) => c.name)
    .filter((n) => n !== "seq");

/**
 * Replaces bucket `to` (if it exists) by archived bucket `from`: its settings, and the rows of its complete files.
 * `filesOnDisk` lists the file IDs whose bytes were staged for the move into place (on-disk mode): rows of files
 * whose bytes are missing from the archive are left out, so no restored file points at nothing.
 */
export function restoreBucket(db: Sqlite, from: string, to: string, filesOnDisk: readonly string[] | null): number {
  if (!db.prepare("SELECT 1 FROM arc._storage_buckets WHERE id = ?").get(from)) {
    throw new Error(`The archive holds no bucket '${from}'.`);
  }
  db.prepare("DELETE FROM main._storage_upload_parts WHERE bucket_id = ?").run(to);
  db.prepare("DELETE FROM main._storage_blobs WHERE bucket_id = ?").run(to);
  db.prepare("DELETE FROM main._storage_files WHERE bucket_id = ?").run(to);
  db.prepare("DELETE FROM main._storage_buckets WHERE id = ?").run(to);
  const bucketCols = columnsOf(db, "_storage_buckets");
  db.prepare(
    `INSERT INTO main._storage_buckets (${bucketCols.join(", ")}) SELECT ${bucketCols
      .map((c) => (c === "id" ? "@to" : c))
      .join(", ")} FROM arc._storage_buckets WHERE id = @from`,
  ).run({ from, to });
  const fileCols = columnsOf(db, "_storage_files");
  const info = db
    .prepare(
      `INSERT INTO main._storage_files (${fileCols.join(", ")}) SELECT ${fileCols
        .map((c) => (c === "bucket_id" ? "@to" : c))
        .join(", ")} FROM arc._storage_files WHERE bucket_id = @from AND chunks_uploaded = chunks_total
        ORDER BY seq`,
    )
    .run({ from, to });
  let files = info.changes;
  if (filesOnDisk) {
    const keep = new Set(filesOnDisk);
    const ids = db.prepare("SELECT id FROM main._storage_files WHERE bucket_id = ?").all(to) as Array<{ id: string }>;
    const drop = db.prepare("DELETE FROM main._storage_files WHERE bucket_id = ? AND id = ?");
    for (const { id } of ids) {
      if (keep.has(id)) continue;
      drop.run(to, id);
      files--;
    }
  } else {
    db.prepare(
      `INSERT INTO main._storage_blobs (bucket_id, file_id, part, data)
       SELECT @to, b.file_id, b.part, b.data FROM arc._storage_blobs b
       WHERE b.bucket_id = @from AND b.file_id IN (SELECT id FROM main._storage_files WHERE bucket_id = @to)`,
    ).run({ from, to });
  }
  return files;
}
