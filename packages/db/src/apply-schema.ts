// Applies schema.ts to an Appwrite project, idempotently: creates what is missing, updates table/bucket settings
// that differ, never drops anything. Works the same against the local server and Appwrite Cloud, where columns
// are created asynchronously (so it waits for each to become `available` before creating indexes on it).
import { AppwriteException, OrderBy, Query, TablesDBIndexType, type Storage, type TablesDB } from "node-appwrite";
import type { BucketSpec, ColumnSpec, IndexSpec, TableSpec } from "./schema.ts";

// list* endpoints return 25 items by default, in Appwrite as here; a table has more columns than that.
const ALL = Query.limit(500);

export interface ApplyReport {
  created: string[];
  updated: string[];
}

interface Targets {
  tablesDB: TablesDB;
  storage: Storage;
  databaseId: string;
}

export async function applySchema(
  t: Targets,
  spec: { tables: TableSpec[]; buckets: BucketSpec[] },
  opts: { pollMs?: number; timeoutMs?: number } = {},
): Promise<ApplyReport> {
  const report: ApplyReport = { created: [], updated: [] };
  await ensureDatabase(t, report);
  for (const table of spec.tables) await ensureTable(t, table, report, opts);
  for (const bucket of spec.buckets) await ensureBucket(t, bucket, report);
  return report;
}

function isNotFound(err: unknown): boolean {
  return err instanceof AppwriteException && err.code === 404;
}

async function ensureDatabase({ tablesDB, databaseId }: Targets, report: ApplyReport) {
  try {
    await tablesDB.get({ databaseId });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await tablesDB.create({ databaseId, name: "Tenang" });
    report.created.push(`database ${databaseId}`);
  }
}

async function ensureTable(
  t: Targets,
  spec: TableSpec,
  report: ApplyReport,
  opts: { pollMs?: number; timeoutMs?: number },
) {
  const { tablesDB, databaseId } = t;
  let existing;
  try {
    existing = await tablesDB.getTable({ databaseId, tableId: spec.id });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  if (!existing) {
    await tablesDB.createTable({
      databaseId,
      tableId: spec.id,
      name: spec.name,
      permissions: spec.permissions,
      rowSecurity: spec.rowSecurity,
    });
    report.created.push(`table ${spec.id}`);
  } else if (
    existing.name !== spec.name ||
    existing.rowSecurity !== spec.rowSecurity ||
    !sameSet(existing.$permissions, spec.permissions)
  ) {
    await tablesDB.updateTable({
      databaseId,
      tableId: spec.id,
      name: spec.name,
      permissions: spec.permissions,
      rowSecurity: spec.rowSecurity,
    });
    report.updated.push(`table ${spec.id}`);
  }

  const columns = await tablesDB.listColumns({ databaseId, tableId: spec.id, queries: [ALL], total: false });
  const have = new Set(columns.columns.map((c) => (c as { key: string }).key));
  const added: string[] = [];
  for (const column of spec.columns) {
    if (have.has(column.key)) continue;
    await createColumn(tablesDB, databaseId, spec.id, column);
    added.push(column.key);
    report.created.push(`column ${spec.id}.${column.key}`);
  }
  await waitForColumns(tablesDB, databaseId, spec.id, added, opts);

  const indexes = await tablesDB.listIndexes({ databaseId, tableId: spec.id, queries: [ALL], total: false });
  const haveIdx = new Set(indexes.indexes.map((i) => i.key));
  for (const index of spec.indexes) {
    if (haveIdx.has(index.key)) continue;
    await createIndex(tablesDB, databaseId, spec.id, index);
    report.created.push(`index ${spec.id}.${index.key}`);
  }
}

async function createColumn(tablesDB: TablesDB, databaseId: string, tableId: string, c: ColumnSpec) {
  const base = { databaseId, tableId, key: c.key, required: c.required ?? false, array: c.array ?? false };
  switch (c.type) {
    case "varchar":
      return tablesDB.createVarcharColumn({ ...base, size: c.size, xdefault: c.default });
    case "text":
      return tablesDB.createTextColumn({ ...base, xdefault: c.default });
    case "integer":
      return tablesDB.createIntegerColumn({ ...base, min: c.min, max: c.max, xdefault: c.default });
    case "float":
      return tablesDB.createFloatColumn({ ...base, min: c.min, max: c.max, xdefault: c.default });
    case "boolean":
      return tablesDB.createBooleanColumn({ ...base, xdefault: c.default });
    case "datetime":
      return tablesDB.createDatetimeColumn({ ...base, xdefault: c.default });
    case "enum":
      return tablesDB.createEnumColumn({ ...base, elements: [...c.elements], xdefault: c.default });
    case "email":
      return tablesDB.createEmailColumn({ ...base, xdefault: c.default });
  }
}

async function waitForColumns(
  tablesDB: TablesDB,
  databaseId: string,
  tableId: string,
  keys: string[],
  { pollMs = 250, timeoutMs = 60_000 }: { pollMs?: number; timeoutMs?: number },
) {
  if (keys.length === 0) return;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { columns } = await tablesDB.listColumns({ databaseId, tableId, queries: [ALL], total: false });
    const pending = columns
      .map((c) => c as { key: string; status: string; error?: string })
      .filter((c) => keys.includes(c.key) && c.status !== "available");
    const failed = pending.find((c) => c.status === "failed");
    if (failed) throw new Error(`Column ${tableId}.${failed.key} failed: ${failed.error ?? "unknown error"}`);
    if (pending.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`Columns of ${tableId} still processing: ${pending.map((c) => c.key).join(", ")}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

async function createIndex(tablesDB: TablesDB, databaseId: string, tableId: string, i: IndexSpec) {
  const type = { key: TablesDBIndexType.Key, unique: TablesDBIndexType.Unique, fulltext: TablesDBIndexType.Fulltext }[
    i.type
  ];
  await tablesDB.createIndex({
    databaseId,
    tableId,
    key: i.key,
    type,
    columns: i.columns,
    orders: i.orders?.map((o) => (o === "asc" ? OrderBy.Asc : OrderBy.Desc)),
  });
}

async function ensureBucket({ storage }: Targets, spec: BucketSpec, report: ApplyReport) {
  let existing;
  try {
    existing = await storage.getBucket({ bucketId: spec.id });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const settings = {
    bucketId: spec.id,
    name: spec.name,
    permissions: spec.permissions,
    fileSecurity: spec.fileSecurity,
    maximumFileSize: spec.maximumFileSize,
    allowedFileExtensions: spec.allowedFileExtensions,
  };
  if (!existing) {
    await storage.createBucket(settings);
    report.created.push(`bucket ${spec.id}`);
  } else if (
    existing.name !== spec.name ||
    existing.fileSecurity !== spec.fileSecurity ||
    existing.maximumFileSize !== spec.maximumFileSize ||
    !sameSet(existing.$permissions, spec.permissions) ||
    !sameSet(existing.allowedFileExtensions, spec.allowedFileExtensions)
  ) {
    await storage.updateBucket(settings);
    report.updated.push(`bucket ${spec.id}`);
  }
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
