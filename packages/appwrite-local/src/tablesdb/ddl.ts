// Physical schema: each Appwrite table is a real SQLite table with one column per Appwrite column, a
// `<table>_perms(_action,_role,_row)` side table for row permissions, and real SQLite indexes. Fulltext indexes are
// FTS5 external-content tables kept in sync by triggers (search becomes `_seq IN (SELECT rowid … MATCH ?)`).
// Column keys can never start with `_`, so the internal `_seq/_uid/_createdAt/_updatedAt/_permissions` never collide.
import type { Sqlite } from "../store.ts";
import { sqlType } from "./columns.ts";
import type { ColumnMeta, IndexMeta, TableMeta } from "./types.ts";

/** Quotes an identifier; keys are validated to `[A-Za-z0-9._-]` (or are internal names) before reaching SQL. */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z0-9._$-]+$/.test(name)) throw new Error(`Refusing unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

export const physicalName = (tableSeq: number) => `tdb_t${tableSeq}`;
export const permsName = (tableSeq: number) => `tdb_t${tableSeq}_perms`;
export const indexName = (tableSeq: number, indexSeq: number) => `tdb_t${tableSeq}_i${indexSeq}`;
export const ftsName = (tableSeq: number, indexSeq: number) => `tdb_t${tableSeq}_fts${indexSeq}`;

/** SQL column for an Appwrite attribute (internal ones map to the underscore columns). */
export function columnSql(key: string): string {
  switch (key) {
    case "$id":
      return "_uid";
    case "$sequence":
      return "_seq";
    case "$createdAt":
      return "_createdAt";
    case "$updatedAt":
      return "_updatedAt";
    default:
      return key;
  }
}

export function createPhysicalTable(db: Sqlite, tableSeq: number, columns: readonly ColumnMeta[]): void {
  const t = quoteIdent(physicalName(tableSeq));
  const p = quoteIdent(permsName(tableSeq));
  const cols = columns.map((c) => `, ${quoteIdent(c.key)} ${sqlType(c)}`).join("");
  db.exec(`
    CREATE TABLE ${t} (
      _seq INTEGER PRIMARY KEY AUTOINCREMENT,
      _uid TEXT NOT NULL UNIQUE,
      _createdAt TEXT NOT NULL,
      _updatedAt TEXT NOT NULL,
      _permissions TEXT NOT NULL DEFAULT '[]'${cols}
    );
    CREATE INDEX ${quoteIdent(`${physicalName(tableSeq)}_created`)} ON ${t} (_createdAt);
    CREATE INDEX ${quoteIdent(`${physicalName(tableSeq)}_updated`)} ON ${t} (_updatedAt);
    CREATE TABLE ${p} (
      _action TEXT NOT NULL,
      _role TEXT NOT NULL,
      _row INTEGER NOT NULL,
      PRIMARY KEY (_action, _role, _row)
    ) WITHOUT ROWID;
    CREATE INDEX ${quoteIdent(`${permsName(tableSeq)}_row`)} ON ${p} (_row);
    CREATE TRIGGER ${quoteIdent(`${physicalName(tableSeq)}_perms_ad`)} AFTER DELETE ON ${t}
      BEGIN DELETE FROM ${p} WHERE _row = old._seq; END;
  `);
}

export function dropPhysicalTable(db: Sqlite, table: TableMeta): void {
  for (const index of table.indexes) dropIndex(db, table.seq, index);
  db.exec(
    `DROP TABLE IF EXISTS ${quoteIdent(physicalName(table.seq))}; DROP TABLE IF EXISTS ${quoteIdent(permsName(table.seq))};`,
  );
}

export function addColumn(db: Sqlite, tableSeq: number, column: ColumnMeta): void {
  db.exec(`ALTER TABLE ${quoteIdent(physicalName(tableSeq))} ADD COLUMN ${quoteIdent(column.key)} ${sqlType(column)}`);
}

export function dropColumn(db: Sqlite, tableSeq: number, key: string): void {
  db.exec(`ALTER TABLE ${quoteIdent(physicalName(tableSeq))} DROP COLUMN ${quoteIdent(key)}`);
}

export function renameColumn(db: Sqlite, tableSeq: number, from: string, to: string): void {
  db.exec(`ALTER TABLE ${quoteIdent(physicalName(tableSeq))} RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`);
}

/** Creates the SQLite side of an index; throws the SQLite error (e.g. existing duplicates for a unique index). */
export function createIndex(db: Sqlite, tableSeq: number, index: IndexMeta): void {
  const t = quoteIdent(physicalName(tableSeq));
  if (index.type === "fulltext") {
    const fts = quoteIdent(ftsName(tableSeq, index.seq));
    const cols = index.columns.map((c) => quoteIdent(columnSql(c)));
    const newVals = index.columns.map((c) => `new.${quoteIdent(columnSql(c))}`).join(", ");
    const oldVals = index.columns.map((c) => `old.${quoteIdent(columnSql(c))}`).join(", ");
    const list = cols.join(", ");
    const trig = (suffix: string) => quoteIdent(`${ftsName(tableSeq, index.seq)}_${suffix}`);
    db.exec(`
      CREATE VIRTUAL TABLE ${fts} USING fts5(${list}, content=${quoteSqlString(physicalName(tableSeq))}, content_rowid='_seq');
      CREATE TRIGGER ${trig("ai")} AFTER INSERT ON ${t} BEGIN
        INSERT INTO ${fts}(rowid, ${list}) VALUES (new._seq, ${newVals});
      END;
      CREATE TRIGGER ${trig("ad")} AFTER DELETE ON ${t} BEGIN
        INSERT INTO ${fts}(${fts}, rowid, ${list}) VALUES ('delete', old._seq, ${oldVals});
      END;
      CREATE TRIGGER ${trig("au")} AFTER UPDATE OF ${list} ON ${t} BEGIN
        INSERT INTO ${fts}(${fts}, rowid, ${list}) VALUES ('delete', old._seq, ${oldVals});
        INSERT INTO ${fts}(rowid, ${list}) VALUES (new._seq, ${newVals});
      END;
      INSERT INTO ${fts}(${fts}) VALUES ('rebuild');
    `);
    return;
  }
  const parts = index.columns.map((c, i) => {
    const order = (index.orders[i] ?? "").toUpperCase();
    return `${quoteIdent(columnSql(c))}${order === "ASC" || order === "DESC" ? ` ${order}` : ""}`;
  });
  db.exec(
    `CREATE ${index.type === "unique" ? "UNIQUE " : ""}INDEX ${quoteIdent(indexName(tableSeq, index.seq))} ON ${t} (${parts.join(", ")})`,
  );
}

export function dropIndex(db: Sqlite, tableSeq: number, index: IndexMeta): void {
  if (index.type === "fulltext") {
    const base = ftsName(tableSeq, index.seq);
    db.exec(`
      DROP TRIGGER IF EXISTS ${quoteIdent(`${base}_ai`)};
      DROP TRIGGER IF EXISTS ${quoteIdent(`${base}_ad`)};
      DROP TRIGGER IF EXISTS ${quoteIdent(`${base}_au`)};
      DROP TABLE IF EXISTS ${quoteIdent(base)};
    `);
    return;
  }
  db.exec(`DROP INDEX IF EXISTS ${quoteIdent(indexName(tableSeq, index.seq))}`);
}

function quoteSqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
