// Row persistence for one Appwrite table: prepared statements cached per schema version (a TableMeta object), row
// permissions mirrored into the `_perms` side table, and SQLite constraint errors mapped to duplicate-ID / unique-index
// errors. No authorization here: callers decide who may do what.
import type Database from "better-sqlite3";
import type { Sqlite } from "../store.ts";
import { permsName, physicalName, quoteIdent } from "./ddl.ts";
import { rolesFor } from "./permissions.ts";
import { fromStorage } from "./values.ts";
import type { StoredRow, TableMeta } from "./types.ts";

export class DuplicateRowError extends Error {}
export class UniqueViolationError extends Error {}

export interface NewRow {
  id: string;
  createdAt: string;
  updatedAt: string;
  permissions: string[];
  /** Storage values by column key (missing keys are stored as NULL). */
  values: Record<string, unknown>;
}

type RawRow = Record<string, unknown>;

const ROW_ACTIONS = ["read", "update", "delete"] as const;

export class TableRows {
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly byUidStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly insertPermStmt: Database.Statement;
  private readonly deletePermsStmt: Database.Statement;
  private readonly selectCache = new Map<string, Database.Statement>();
  /** bigint columns need exact 64-bit reads. */
  readonly safeIntegers: boolean;

  constructor(
    private readonly db: Sqlite,
    readonly table: TableMeta,
  ) {
    const t = quoteIdent(physicalName(table.seq));
    const p = quoteIdent(permsName(table.seq));
    const keys = table.columns.map((c) => quoteIdent(c.key));
    this.safeIntegers = table.columns.some((c) => c.type === "bigint");
    const cols = ["_uid", "_createdAt", "_updatedAt", "_permissions", ...keys];
    this.insertStmt = db.prepare(`INSERT INTO ${t} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
    const sets = ["_createdAt = ?", "_updatedAt = ?", "_permissions = ?", ...keys.map((k) => `${k} = ?`)];
    this.updateStmt = db.prepare(`UPDATE ${t} SET ${sets.join(", ")} WHERE _seq = ?`);
    this.byUidStmt = this.read(`SELECT * FROM ${t} WHERE _uid = ?`);
    this.deleteStmt = db.prepare(`DELETE FROM ${t} WHERE _seq = ?`);
    this.insertPermStmt = db.prepare(`INSERT OR IGNORE INTO ${p} (_action, _role, _row) VALUES (?, ?, ?)`);
    this.deletePermsStmt = db.prepare(`DELETE FROM ${p} WHERE _row = ?`);
  }

  private read(sql: string): Database.Statement {
    const stmt = this.db.prepare(sql);
    return this.safeIntegers ? stmt.safeIntegers(true) : stmt;
  }

  /** A cached SELECT for compiled query SQL (bounded so odd query shapes cannot grow it forever). */
  select(sql: string): Database.Statement {
    let stmt = this.selectCache.get(sql);
    if (!stmt) {
      if (this.selectCache.size > 200) this.selectCache.clear();
      stmt = this.read(sql);
      this.selectCache.set(sql, stmt);
    }
    return stmt;
  }

  getById(id: string): StoredRow | undefined {
    const raw = this.byUidStmt.get(id) as RawRow | undefined;
    return raw ? this.decode(raw) : undefined;
  }

  /** Raw SQLite values of a row, for cursor comparisons. */
  getRawById(id: string): RawRow | undefined {
    return this.byUidStmt.get(id) as RawRow | undefined;
  }

  insert(row: NewRow): number {
    const args: unknown[] = [row.id, row.createdAt, row.updatedAt, JSON.stringify(row.permissions)];
    for (const c of this.table.columns) args.push(row.values[c.key] ?? null);
    let seq: number;
    try {
      seq = Number(this.insertStmt.run(...args).lastInsertRowid);
    } catch (err) {
      throw mapConstraintError(err);
    }
    this.writePermissions(seq, row.permissions);
    return seq;
  }

  /** Rewrites every column of a row; `values` holds storage values for all columns. */
  update(seq: number, row: Omit<NewRow, "id">, permissionsChanged: boolean): void {
    const args: unknown[] = [row.createdAt, row.updatedAt, JSON.stringify(row.permissions)];
    for (const c of this.table.columns) args.push(row.values[c.key] ?? null);
    args.push(seq);
    try {
      this.updateStmt.run(...args);
    } catch (err) {
      throw mapConstraintError(err);
    }
    if (permissionsChanged) {
      this.deletePermsStmt.run(seq);
      this.writePermissions(seq, row.permissions);
    }
  }

  delete(seq: number): void {
    this.deleteStmt.run(seq);
  }

  private writePermissions(seq: number, permissions: readonly string[]): void {
    for (const action of ROW_ACTIONS) {
      for (const role of rolesFor(permissions, action)) this.insertPermStmt.run(action, role, seq);
    }
  }

  decode(raw: RawRow): StoredRow {
    const data: Record<string, unknown> = {};
    for (const c of this.table.columns) data[c.key] = fromStorage(c, raw[c.key]);
    return {
      seq: Number(raw._seq),
      id: String(raw._uid),
      createdAt: String(raw._createdAt),
      updatedAt: String(raw._updatedAt),
      permissions: JSON.parse(String(raw._permissions)) as string[],
      data,
    };
  }
}

/** SQLite's unique errors name the column: `_uid` is a duplicate $id, anything else a unique index. */
function mapConstraintError(err: unknown): unknown {
  if (
    err instanceof Error &&
    "code" in err &&
    typeof err.code === "string" &&
    err.code.startsWith("SQLITE_CONSTRAINT")
  ) {
    if (/\._uid\b/.test(err.message) && !/,/.test(err.message.split("failed:")[1] ?? ""))
      return new DuplicateRowError(err.message);
    return new UniqueViolationError(err.message);
  }
  return err;
}

/** One TableRows per schema version; a new TableMeta object (after any schema change) gets fresh statements. */
export class RowStore {
  private readonly handles = new WeakMap<TableMeta, TableRows>();

  constructor(readonly db: Sqlite) {}

  rows(table: TableMeta): TableRows {
    let handle = this.handles.get(table);
    if (!handle) {
      handle = new TableRows(this.db, table);
      this.handles.set(table, handle);
    }
    return handle;
  }
}
