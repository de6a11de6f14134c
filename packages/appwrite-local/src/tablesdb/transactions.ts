// TablesDB transactions: staged operations persisted in SQLite, reads that see the staged state (ops replayed inside a
// SQLite transaction that is always rolled back), and commit = replay for real in one SQLite transaction, after which
// the caller publishes events. Failures set status `failed` (A …/Databases/Transactions/*.php).
import type { Sqlite } from "../store.ts";
import { AppwriteError, errors } from "../errors.ts";
import { formatDate } from "../time.ts";
import type { Catalog } from "./catalog.ts";
import { uniqueId } from "./ids.ts";
import { parseJson, stringifyJson } from "./json.ts";
import { aggregatePermissions, isAuthorized } from "./permissions.ts";
import { ConflictError, type RowOps, sanitiseData } from "./row-ops.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import type { Actor, StoredRow, TableMeta } from "./types.ts";
import type { RowEventAction } from "./events.ts";

export const MAX_OPERATIONS = 100;

export type OperationAction =
  | "create"
  | "update"
  | "upsert"
  | "delete"
  | "increment"
  | "decrement"
  | "bulkCreate"
  | "bulkUpdate"
  | "bulkUpsert"
  | "bulkDelete";

export interface StagedOperation {
  action: OperationAction;
  databaseId: string;
  tableId: string;
  rowId: string | null;
  data: unknown;
  /** When it was staged; an existing row changed after this makes the commit conflict. */
  stagedAt: string;
}

export interface TransactionRecord {
  seq: number;
  id: string;
  status: "pending" | "committing" | "committed" | "failed";
  operations: number;
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
  permissions: string[];
}

export interface RowChange {
  table: TableMeta;
  row: StoredRow;
  action: RowEventAction;
}

/** Hook for bulk update/delete replays, which need the query engine (kept out of here to avoid a cycle). */
export type BulkMatcher = (table: TableMeta, queries: string[]) => StoredRow[];

interface TxnRow {
  seq: number;
  id: string;
  status: TransactionRecord["status"];
  operations: number;
  expires_at: string;
  created_at: string;
  updated_at: string;
  permissions: string;
}

const ROLLBACK = Symbol("rollback");

/** The principal used to replay staged ops for reads: no authorization (staging already checked it). */
const REPLAY_ACTOR: Actor = { isKey: true, roles: [], userId: null, roleLabel: "applications" };

export function transactionToJson(t: TransactionRecord): Record<string, unknown> {
  return {
    $id: t.id,
    $createdAt: t.createdAt,
    $updatedAt: t.updatedAt,
    status: t.status,
    operations: t.operations,
    expiresAt: t.expiresAt,
  };
}

export class Transactions {
  constructor(
    private readonly db: Sqlite,
    private readonly catalog: Catalog,
    private readonly ops: RowOps,
    private readonly matchRows: BulkMatcher,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS _tdb_transactions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, status TEXT NOT NULL, operations INTEGER NOT NULL,
        expires_at TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, permissions TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS _tdb_transaction_ops (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, txn_seq INTEGER NOT NULL, action TEXT NOT NULL, database_id TEXT NOT NULL,
        table_id TEXT NOT NULL, row_id TEXT, data TEXT NOT NULL, staged_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS _tdb_transaction_ops_txn ON _tdb_transaction_ops (txn_seq, seq);
    `);
  }

  create(actor: Actor, ttlSeconds: number): TransactionRecord {
    const now = formatDate();
    const expiresAt = formatDate(Date.now() + ttlSeconds * 1000);
    const permissions = actor.userId ? ["read", "update", "delete"].map((a) => `${a}("user:${actor.userId}")`) : [];
    const id = uniqueId();
    const info = this.db
      .prepare(
        "INSERT INTO _tdb_transactions (id, status, operations, expires_at, created_at, updated_at, permissions) VALUES (?, 'pending', 0, ?, ?, ?, ?)",
      )
      .run(id, expiresAt, now, now, JSON.stringify(permissions));
    return {
      seq: Number(info.lastInsertRowid),
      id,
      status: "pending",
      operations: 0,
      expiresAt,
      createdAt: now,
      updatedAt: now,
      permissions,
    };
  }

  /** The transaction if the caller may see it (API key, or the session user that created it), else 404. */
  get(actor: Actor, id: string): TransactionRecord {
    const row = this.db.prepare("SELECT * FROM _tdb_transactions WHERE id = ?").get(id) as TxnRow | undefined;
    const record = row ? toRecord(row) : undefined;
    if (!record || !isAuthorized(actor, "read", record.permissions)) throw tdbErrors.transactionNotFound(id);
    return record;
  }

  list(actor: Actor): TransactionRecord[] {
    const rows = this.db.prepare("SELECT * FROM _tdb_transactions ORDER BY seq").all() as TxnRow[];
    return rows.map(toRecord).filter((r) => isAuthorized(actor, "read", r.permissions));
  }

  delete(actor: Actor, id: string): void {
    const record = this.get(actor, id);
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM _tdb_transaction_ops WHERE txn_seq = ?").run(record.seq);
      this.db.prepare("DELETE FROM _tdb_transactions WHERE seq = ?").run(record.seq);
    })();
  }

  /**
   * Checks a transaction can take `adding` more operations. `notPendingError` differs by route in Appwrite:
   * single-row writes say transaction_not_ready, createOperations and increment say general_bad_request.
   */
  assertWritable(
    record: TransactionRecord,
    adding: number,
    notPendingError: () => AppwriteError = tdbErrors.transactionNotReady,
  ): void {
    if (record.status !== "pending") throw notPendingError();
    if (Date.now() > Date.parse(record.expiresAt)) throw tdbErrors.transactionExpired();
    if (record.operations + adding > MAX_OPERATIONS) {
      throw tdbErrors.transactionLimit(
        `Transaction already has ${record.operations} operations, adding ${adding} would exceed the maximum of ${MAX_OPERATIONS}`,
      );
    }
  }

  stage(record: TransactionRecord, operations: Array<Omit<StagedOperation, "stagedAt">>): TransactionRecord {
    const stagedAt = formatDate();
    const insert = this.db.prepare(
      "INSERT INTO _tdb_transaction_ops (txn_seq, action, database_id, table_id, row_id, data, staged_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    return this.db.transaction(() => {
      for (const op of operations)
        insert.run(
          record.seq,
          op.action,
          op.databaseId,
          op.tableId,
          op.rowId,
          stringifyJson(op.data ?? null),
          stagedAt,
        );
      return this.setFields(record, { operations: record.operations + operations.length });
    })();
  }

  private operationsOf(record: TransactionRecord): StagedOperation[] {
    const rows = this.db
      .prepare("SELECT * FROM _tdb_transaction_ops WHERE txn_seq = ? ORDER BY seq")
      .all(record.seq) as Array<{
      action: OperationAction;
      database_id: string;
      table_id: string;
      row_id: string | null;
      data: string;
      staged_at: string;
    }>;
    return rows.map((r) => ({
      action: r.action,
      databaseId: r.database_id,
      tableId: r.table_id,
      rowId: r.row_id,
      data: parseJson(r.data),
      stagedAt: r.staged_at,
    }));
  }

  private setFields(
    record: TransactionRecord,
    fields: Partial<Pick<TransactionRecord, "status" | "operations">>,
  ): TransactionRecord {
    const next = { ...record, ...fields, updatedAt: formatDate() };
    this.db
      .prepare("UPDATE _tdb_transactions SET status = ?, operations = ?, updated_at = ? WHERE seq = ?")
      .run(next.status, next.operations, next.updatedAt, record.seq);
    return next;
  }

  /** Runs `read` against the database as it would be with the staged operations applied; nothing is kept. */
  withStagedState<T>(record: TransactionRecord, read: () => T): T {
    const operations = this.operationsOf(record);
    if (operations.length === 0) return read();
    let result: T | undefined;
    try {
      this.db.transaction(() => {
        const touched = new Set<string>();
        for (const op of operations) {
          // Each op in its own savepoint: one that no longer applies is skipped, like a best-effort preview.
          try {
            this.db.transaction(() => this.apply(op, REPLAY_ACTOR, touched, false))();
          } catch {
            // skipped
          }
        }
        result = read();
        throw ROLLBACK;
      })();
    } catch (err) {
      if (err !== ROLLBACK) throw err;
    }
    return result as T;
  }

  /** Applies every staged op atomically; on failure the status becomes `failed` and the mapped error is thrown. */
  commit(actor: Actor, record: TransactionRecord): { record: TransactionRecord; changes: RowChange[] } {
    const operations = this.operationsOf(record);
    let changes: RowChange[] = [];
    try {
      this.db.transaction(() => {
        const touched = new Set<string>();
        const applied: Array<{ op: StagedOperation; table: TableMeta; rowId: string; before?: StoredRow }> = [];
        for (const op of operations) {
          const result = this.apply(op, actor, touched, true);
          if (result) applied.push(result);
        }
        changes = this.collectChanges(applied);
      })();
    } catch (err) {
      this.setFields(record, { status: "failed" });
      throw mapCommitError(err, operations);
    }
    return { record: this.setFields(record, { status: "committed" }), changes };
  }

  rollback(record: TransactionRecord): TransactionRecord {
    return this.setFields(record, { status: "failed" });
  }

  /** Events after commit carry each row's final state (deletes carry the row as it was). */
  private collectChanges(
    applied: Array<{ op: StagedOperation; table: TableMeta; rowId: string; before?: StoredRow }>,
  ): RowChange[] {
    const changes: RowChange[] = [];
    for (const { op, table, rowId, before } of applied) {
      if (op.action === "delete") {
        if (before) changes.push({ table, row: before, action: "delete" });
        continue;
      }
      const current = this.catalog.refresh(table);
      const row = current ? this.ops.rows(current).getById(rowId) : undefined;
      if (row && current) changes.push({ table: current, row, action: op.action === "create" ? "create" : "update" });
    }
    return changes;
  }

  /** Replays one staged op; returns what an event needs for single-row ops. */
  private apply(
    op: StagedOperation,
    actor: Actor,
    touched: Set<string>,
    detectConflicts: boolean,
  ): { op: StagedOperation; table: TableMeta; rowId: string; before?: StoredRow } | null {
    const database = this.catalog.getDatabase(op.databaseId);
    if (!database) throw tdbErrors.databaseNotFound(op.databaseId);
    const table = this.catalog.getTable(database.seq, op.tableId);
    if (!table) throw tdbErrors.tableNotFound(op.tableId);
    const data = (op.data ?? {}) as Record<string, unknown>;
    const rowKey = `${table.seq}/${op.rowId ?? ""}`;
    // Rows this replay already wrote are newer than the op by construction, so only untouched rows can conflict.
    const options = detectConflicts && !touched.has(rowKey) ? { notModifiedAfter: op.stagedAt } : {};
    const permissionsOf = (d: Record<string, unknown>) =>
      Array.isArray(d.$permissions)
        ? aggregatePermissions(d.$permissions as string[], ["read", "update", "delete"])
        : null;
    switch (op.action) {
      case "create": {
        const id = op.rowId ?? (typeof data.$id === "string" ? data.$id : uniqueId());
        this.ops.create(table, actor, {
          id,
          data: sanitiseData(data, REPLAY_ACTOR),
          permissions: permissionsOf(data) ?? [],
        });
        touched.add(`${table.seq}/${id}`);
        return { op, table, rowId: id };
      }
      case "update":
      case "upsert": {
        const rowId = op.rowId!;
        const fn = op.action === "update" ? this.ops.update.bind(this.ops) : this.ops.upsert.bind(this.ops);
        fn(table, actor, rowId, sanitiseData(data, REPLAY_ACTOR), permissionsOf(data), options);
        touched.add(rowKey);
        return { op, table, rowId };
      }
      case "delete": {
        const before = this.ops.delete(table, actor, op.rowId!, options);
        touched.add(rowKey);
        return { op, table, rowId: op.rowId!, before };
      }
      case "increment":
      case "decrement": {
        const rowId = op.rowId!;
        if (!this.ops.rows(table).getById(rowId)) throw tdbErrors.rowNotFound(rowId);
        const column = String(data.column ?? data.attribute ?? "");
        const bound = op.action === "increment" ? data.max : data.min;
        this.ops.adjust(
          table,
          actor,
          rowId,
          column,
          Number(data.value ?? 1),
          typeof bound === "number" ? bound : null,
          op.action,
          options,
        );
        touched.add(rowKey);
        return { op, table, rowId };
      }
      case "bulkCreate":
      case "bulkUpsert": {
        const docs = (Array.isArray(op.data) ? op.data : []) as Array<Record<string, unknown>>;
        for (const doc of docs) {
          const id = typeof doc.$id === "string" && doc.$id !== "unique()" ? doc.$id : uniqueId();
          if (op.action === "bulkCreate")
            this.ops.create(table, actor, {
              id,
              data: sanitiseData(doc, REPLAY_ACTOR),
              permissions: permissionsOf(doc) ?? [],
            });
          else this.ops.upsert(table, actor, id, sanitiseData(doc, REPLAY_ACTOR), permissionsOf(doc));
          touched.add(`${table.seq}/${id}`);
        }
        return null;
      }
      case "bulkUpdate":
      case "bulkDelete": {
        const queries = Array.isArray(data.queries) ? (data.queries as string[]) : [];
        for (const row of this.matchRows(table, queries)) {
          if (op.action === "bulkDelete") this.ops.delete(table, actor, row.id);
          else
            this.ops.update(
              table,
              actor,
              row.id,
              sanitiseData((data.data ?? {}) as Record<string, unknown>, REPLAY_ACTOR),
              null,
            );
          touched.add(`${table.seq}/${row.id}`);
        }
        return null;
      }
    }
  }
}

function toRecord(r: TxnRow): TransactionRecord {
  return {
    seq: r.seq,
    id: r.id,
    status: r.status,
    operations: r.operations,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    permissions: JSON.parse(r.permissions) as string[],
  };
}

/** Commit failures as Appwrite reports them (A …/Transactions/Update.php catch blocks). */
function mapCommitError(err: unknown, operations: StagedOperation[]): unknown {
  if (err instanceof ConflictError) return tdbErrors.transactionConflict();
  if (!(err instanceof AppwriteError)) return err;
  switch (err.type) {
    case "row_already_exists":
    case "row_unique_constraint_violation":
      return tdbErrors.transactionConflict();
    case "row_not_found":
      return tdbErrors.documentNotFound(err.message.match(/'(.*)'/)?.[1] ?? operations[0]?.rowId ?? "unknown");
    case "row_invalid_structure":
      return tdbErrors.documentInvalidStructure(err.message);
    case "column_limit_exceeded":
      return tdbErrors.attributeLimitExceeded(err.message);
    case "user_unauthorized":
      return errors.unauthorized(err.message);
    default:
      return err;
  }
}
