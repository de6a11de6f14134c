// Metadata store: databases, tables, columns and indexes live in `_tdb_*` SQLite tables and are mirrored in memory
// (this process is the only writer), so request handling never re-reads the schema. Every change runs in one SQLite
// transaction together with its DDL and replaces the cached TableMeta object, bumping `version`.
import type { Sqlite } from "../store.ts";
import { formatDate } from "../time.ts";
import { parseJson, stringifyJson } from "./json.ts";
import * as ddl from "./ddl.ts";
import type { ColumnMeta, DatabaseMeta, IndexMeta, TableMeta } from "./types.ts";

interface DatabaseRow {
  seq: number;
  id: string;
  name: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

interface TableRow {
  seq: number;
  database_seq: number;
  id: string;
  name: string;
  enabled: number;
  row_security: number;
  permissions: string;
  created_at: string;
  updated_at: string;
}

let versionCounter = 0;

export class Catalog {
  private readonly databases = new Map<string, DatabaseMeta>();
  /** Keyed by `${databaseSeq}/${tableId}`. */
  private readonly tables = new Map<string, TableMeta>();

  constructor(private readonly db: Sqlite) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS _tdb_databases (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, enabled INTEGER NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS _tdb_tables (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, database_seq INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
        enabled INTEGER NOT NULL, row_security INTEGER NOT NULL, permissions TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (database_seq, id));
      CREATE TABLE IF NOT EXISTS _tdb_columns (
        table_seq INTEGER NOT NULL, position INTEGER NOT NULL, key TEXT NOT NULL, spec TEXT NOT NULL,
        PRIMARY KEY (table_seq, key));
      CREATE TABLE IF NOT EXISTS _tdb_indexes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, table_seq INTEGER NOT NULL, key TEXT NOT NULL, spec TEXT NOT NULL,
        UNIQUE (table_seq, key));
    `);
    this.load();
  }

  private load(): void {
    for (const r of this.db.prepare("SELECT * FROM _tdb_databases ORDER BY seq").all() as DatabaseRow[]) {
      this.databases.set(r.id, {
        seq: r.seq,
        id: r.id,
        name: r.name,
        enabled: r.enabled === 1,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      });
    }
    const dbIdBySeq = new Map([...this.databases.values()].map((d) => [d.seq, d.id]));
    const columnStmt = this.db.prepare("SELECT spec FROM _tdb_columns WHERE table_seq = ? ORDER BY position");
    const indexStmt = this.db.prepare("SELECT seq, spec FROM _tdb_indexes WHERE table_seq = ? ORDER BY seq");
    for (const r of this.db.prepare("SELECT * FROM _tdb_tables ORDER BY seq").all() as TableRow[]) {
      const columns = (columnStmt.all(r.seq) as Array<{ spec: string }>).map((c) => parseJson(c.spec) as ColumnMeta);
      const indexes = (indexStmt.all(r.seq) as Array<{ seq: number; spec: string }>).map((i) => ({
        ...(parseJson(i.spec) as IndexMeta),
        seq: i.seq,
      }));
      const table: TableMeta = {
        seq: r.seq,
        id: r.id,
        databaseSeq: r.database_seq,
        databaseId: dbIdBySeq.get(r.database_seq) ?? "",
        name: r.name,
        enabled: r.enabled === 1,
        rowSecurity: r.row_security === 1,
        permissions: JSON.parse(r.permissions) as string[],
        columns,
        indexes,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        version: ++versionCounter,
      };
      this.tables.set(`${r.database_seq}/${r.id}`, table);
    }
  }

  /** Re-reads the schema from SQLite: after a rolled-back transaction that went through the catalog (a restore). */
  reload(): void {
    this.databases.clear();
    this.tables.clear();
    this.load();
  }

  // ---- databases ----

  listDatabases(): DatabaseMeta[] {
    return [...this.databases.values()].sort((a, b) => a.seq - b.seq);
  }

  getDatabase(id: string): DatabaseMeta | undefined {
    return this.databases.get(id);
  }

  createDatabase(id: string, name: string, enabled: boolean): DatabaseMeta {
    const now = formatDate();
    const info = this.db
      .prepare("INSERT INTO _tdb_databases (id, name, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
      .run(id, name, enabled ? 1 : 0, now, now);
    const meta: DatabaseMeta = { seq: Number(info.lastInsertRowid), id, name, enabled, createdAt: now, updatedAt: now };
    this.databases.set(id, meta);
    return meta;
  }

  updateDatabase(meta: DatabaseMeta, name: string, enabled: boolean): DatabaseMeta {
    const next: DatabaseMeta = { ...meta, name, enabled, updatedAt: formatDate() };
    this.db
      .prepare("UPDATE _tdb_databases SET name = ?, enabled = ?, updated_at = ? WHERE seq = ?")
      .run(name, enabled ? 1 : 0, next.updatedAt, meta.seq);
    this.databases.set(meta.id, next);
    return next;
  }

  deleteDatabase(meta: DatabaseMeta): void {
    this.db.transaction(() => {
      for (const table of this.listTables(meta.seq)) this.dropTable(table);
      this.db.prepare("DELETE FROM _tdb_databases WHERE seq = ?").run(meta.seq);
    })();
    this.databases.delete(meta.id);
  }

  // ---- tables ----

  listTables(databaseSeq: number): TableMeta[] {
    return [...this.tables.values()].filter((t) => t.databaseSeq === databaseSeq).sort((a, b) => a.seq - b.seq);
  }

  getTable(databaseSeq: number, tableId: string): TableMeta | undefined {
    return this.tables.get(`${databaseSeq}/${tableId}`);
  }

  createTable(
    database: DatabaseMeta,
    input: {
      id: string;
      name: string;
      enabled: boolean;
      rowSecurity: boolean;
      permissions: string[];
      columns: ColumnMeta[];
      indexes: Array<Omit<IndexMeta, "seq">>;
    },
  ): TableMeta {
    const now = formatDate();
    return this.db.transaction(() => {
      const info = this.db
        .prepare(
          "INSERT INTO _tdb_tables (database_seq, id, name, enabled, row_security, permissions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          database.seq,
          input.id,
          input.name,
          input.enabled ? 1 : 0,
          input.rowSecurity ? 1 : 0,
          JSON.stringify(input.permissions),
          now,
          now,
        );
      const seq = Number(info.lastInsertRowid);
      ddl.createPhysicalTable(this.db, seq, input.columns);
      input.columns.forEach((c, i) => this.insertColumnRow(seq, i, c));
      let table: TableMeta = {
        seq,
        id: input.id,
        databaseSeq: database.seq,
        databaseId: database.id,
        name: input.name,
        enabled: input.enabled,
        rowSecurity: input.rowSecurity,
        permissions: input.permissions,
        columns: input.columns,
        indexes: [],
        createdAt: now,
        updatedAt: now,
        version: ++versionCounter,
      };
      this.tables.set(`${database.seq}/${input.id}`, table);
      for (const index of input.indexes) table = this.addIndex(table, index);
      return table;
    })();
  }

  updateTable(
    table: TableMeta,
    changes: { name: string; enabled: boolean; rowSecurity: boolean; permissions: string[] },
  ): TableMeta {
    const next: TableMeta = { ...table, ...changes, updatedAt: formatDate(), version: ++versionCounter };
    this.db
      .prepare(
        "UPDATE _tdb_tables SET name = ?, enabled = ?, row_security = ?, permissions = ?, updated_at = ? WHERE seq = ?",
      )
      .run(
        next.name,
        next.enabled ? 1 : 0,
        next.rowSecurity ? 1 : 0,
        JSON.stringify(next.permissions),
        next.updatedAt,
        table.seq,
      );
    return this.replace(next);
  }

  deleteTable(table: TableMeta): void {
    this.db.transaction(() => this.dropTable(table))();
  }

  private dropTable(table: TableMeta): void {
    ddl.dropPhysicalTable(this.db, table);
    this.db.prepare("DELETE FROM _tdb_columns WHERE table_seq = ?").run(table.seq);
    this.db.prepare("DELETE FROM _tdb_indexes WHERE table_seq = ?").run(table.seq);
    this.db.prepare("DELETE FROM _tdb_tables WHERE seq = ?").run(table.seq);
    this.tables.delete(`${table.databaseSeq}/${table.id}`);
  }

  /** Latest cached version of a table (metadata objects are replaced on every change). */
  refresh(table: TableMeta): TableMeta | undefined {
    return this.tables.get(`${table.databaseSeq}/${table.id}`);
  }

  private replace(next: TableMeta): TableMeta {
    this.tables.set(`${next.databaseSeq}/${next.id}`, next);
    return next;
  }

  // ---- columns ----

  private insertColumnRow(tableSeq: number, position: number, column: ColumnMeta): void {
    this.db
      .prepare("INSERT INTO _tdb_columns (table_seq, position, key, spec) VALUES (?, ?, ?, ?)")
      .run(tableSeq, position, column.key, stringifyJson(column));
  }

  addColumn(table: TableMeta, column: ColumnMeta): TableMeta {
    return this.db.transaction(() => {
      ddl.addColumn(this.db, table.seq, column);
      const position = table.columns.length === 0 ? 0 : this.maxColumnPosition(table.seq) + 1;
      this.insertColumnRow(table.seq, position, column);
      return this.replace({ ...table, columns: [...table.columns, column], version: ++versionCounter });
    })();
  }

  private maxColumnPosition(tableSeq: number): number {
    const r = this.db.prepare("SELECT MAX(position) AS p FROM _tdb_columns WHERE table_seq = ?").get(tableSeq) as {
      p: number | null;
    };
    return r.p ?? -1;
  }

  /** Replaces a column's definition, renaming the SQLite column (and rebuilding dependent fulltext indexes) if needed. */
  updateColumn(table: TableMeta, oldKey: string, column: ColumnMeta): TableMeta {
    return this.db.transaction(() => {
      let indexes = table.indexes;
      if (column.key !== oldKey) {
        const affected = indexes.filter((i) => i.type === "fulltext" && i.columns.includes(oldKey));
        for (const index of affected) ddl.dropIndex(this.db, table.seq, index);
        ddl.renameColumn(this.db, table.seq, oldKey, column.key);
        indexes = indexes.map((i) =>
          i.columns.includes(oldKey) ? { ...i, columns: i.columns.map((c) => (c === oldKey ? column.key : c)) } : i,
        );
        for (const index of indexes) {
          if (index.type === "fulltext" && index.columns.includes(column.key))
            ddl.createIndex(this.db, table.seq, index);
          if (index.columns.includes(column.key)) this.writeIndexRow(index);
        }
        this.db
          .prepare("UPDATE _tdb_columns SET key = ?, spec = ? WHERE table_seq = ? AND key = ?")
          .run(column.key, stringifyJson(column), table.seq, oldKey);
      } else {
        this.db
          .prepare("UPDATE _tdb_columns SET spec = ? WHERE table_seq = ? AND key = ?")
          .run(stringifyJson(column), table.seq, oldKey);
      }
      const columns = table.columns.map((c) => (c.key === oldKey ? column : c));
      return this.replace({ ...table, columns, indexes, version: ++versionCounter });
    })();
  }

  /** Drops a column; indexes that used it lose it, and are dropped once they have no columns left. */
  removeColumn(table: TableMeta, key: string): TableMeta {
    return this.db.transaction(() => {
      const indexes: IndexMeta[] = [];
      for (const index of table.indexes) {
        if (!index.columns.includes(key)) {
          indexes.push(index);
          continue;
        }
        ddl.dropIndex(this.db, table.seq, index);
        const keep = index.columns
          .map((c, i) => ({ c, o: index.orders[i], l: index.lengths[i] }))
          .filter((x) => x.c !== key);
        if (keep.length === 0) {
          this.db.prepare("DELETE FROM _tdb_indexes WHERE seq = ?").run(index.seq);
          continue;
        }
        const next: IndexMeta = {
          ...index,
          columns: keep.map((x) => x.c),
          orders: keep.flatMap((x) => (x.o === undefined ? [] : [x.o])),
          lengths: keep.map((x) => x.l ?? null),
          updatedAt: formatDate(),
        };
        ddl.createIndex(this.db, table.seq, next);
        this.writeIndexRow(next);
        indexes.push(next);
      }
      ddl.dropColumn(this.db, table.seq, key);
      this.db.prepare("DELETE FROM _tdb_columns WHERE table_seq = ? AND key = ?").run(table.seq, key);
      return this.replace({
        ...table,
        columns: table.columns.filter((c) => c.key !== key),
        indexes,
        version: ++versionCounter,
      });
    })();
  }

  // ---- indexes ----

  /** Records the index and builds it; a build failure (e.g. duplicates under a unique index) leaves it `failed`. */
  addIndex(table: TableMeta, input: Omit<IndexMeta, "seq">): TableMeta {
    return this.db.transaction(() => {
      const info = this.db
        .prepare("INSERT INTO _tdb_indexes (table_seq, key, spec) VALUES (?, ?, '{}')")
        .run(table.seq, input.key);
      let index: IndexMeta = { ...input, seq: Number(info.lastInsertRowid) };
      const savepoint = this.db.transaction(() => ddl.createIndex(this.db, table.seq, index));
      try {
        savepoint();
      } catch (err) {
        index = { ...index, status: "failed", error: err instanceof Error ? err.message : String(err) };
      }
      this.writeIndexRow(index);
      return this.replace({ ...table, indexes: [...table.indexes, index], version: ++versionCounter });
    })();
  }

  removeIndex(table: TableMeta, key: string): TableMeta {
    return this.db.transaction(() => {
      const index = table.indexes.find((i) => i.key === key);
      if (index) {
        if (index.status !== "failed") ddl.dropIndex(this.db, table.seq, index);
        this.db.prepare("DELETE FROM _tdb_indexes WHERE seq = ?").run(index.seq);
      }
      return this.replace({ ...table, indexes: table.indexes.filter((i) => i.key !== key), version: ++versionCounter });
    })();
  }

  private writeIndexRow(index: IndexMeta): void {
    const { seq, ...spec } = index;
    this.db.prepare("UPDATE _tdb_indexes SET key = ?, spec = ? WHERE seq = ?").run(index.key, stringifyJson(spec), seq);
  }
}
