// Validated queries → SQL over the physical table (alias `t`). Every operand is a bound parameter; identifiers come
// from the schema and are quoted. Row-level read permissions become `t._seq IN (SELECT _row FROM <perms> …)`, so
// `total` and pages are computed after permission filtering. Ordering, tie-break and keyset cursors follow
// utopia-php/database's Database::find and SQL adapter (tie-break on `_seq`; cursorBefore flips, then re-reverses).
import { columnSql, ftsName, permsName, physicalName, quoteIdent } from "./ddl.ts";
import { queryOperand } from "./values.ts";
import { type GroupedQueries, type OrderTerm, type Query, queryInvalid } from "./query-parse.ts";
import type { ColumnMeta, TableMeta } from "./types.ts";

export interface SqlPart {
  sql: string;
  params: unknown[];
}

export const COUNT_LIMIT = 5000;

function col(attribute: string): string {
  return `t.${quoteIdent(columnSql(attribute))}`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** MariaDB BOOLEAN MODE semantics as Appwrite feeds it: words OR'd, last word prefix-matched, quotes = phrase. */
export function ftsQuery(value: string): string {
  const exact = value.length > 1 && value.startsWith('"') && value.endsWith('"');
  const cleaned = value
    .replace(/[@+\-*()<>~"]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned === "") return "";
  const words = cleaned.split(" ").map((w) => `"${w.replace(/"/g, '""')}"`);
  if (exact) return `"${cleaned.replace(/"/g, '""')}"`;
  words[words.length - 1] = `${words[words.length - 1]}*`;
  return words.join(" OR ");
}

export function compileFilter(q: Query, table: TableMeta, params: unknown[]): string {
  const column = table.columns.find((c) => c.key === q.attribute);
  const operand = (v: unknown) => queryOperand(column, v);
  switch (q.method) {
    case "and":
    case "or": {
      const parts = (q.values as Query[]).map((sub) => compileFilter(sub, table, params));
      return `(${parts.join(q.method === "and" ? " AND " : " OR ")})`;
    }
    case "exists":
    case "notExists":
      return `(${(q.values as string[]).map((a) => `${col(a)} IS ${q.method === "exists" ? "NOT " : ""}NULL`).join(" AND ")})`;
  }
  const c = col(q.attribute);
  switch (q.method) {
    case "equal":
      if (q.values.length === 1) {
        params.push(operand(q.values[0]));
        return `${c} = ?`;
      }
      params.push(...q.values.map(operand));
      return `${c} IN (${q.values.map(() => "?").join(", ")})`;
    case "notEqual":
      params.push(operand(q.values[0]));
      return `${c} != ?`;
    case "lessThan":
    case "lessThanEqual":
    case "greaterThan":
    case "greaterThanEqual": {
      const op = { lessThan: "<", lessThanEqual: "<=", greaterThan: ">", greaterThanEqual: ">=" }[q.method];
      params.push(operand(q.values[0]));
      return `${c} ${op} ?`;
    }
    case "between":
    case "notBetween":
      params.push(operand(q.values[0]), operand(q.values[1]));
      return `${c} ${q.method === "notBetween" ? "NOT " : ""}BETWEEN ? AND ?`;
    case "isNull":
      return `${c} IS NULL`;
    case "isNotNull":
      return `${c} IS NOT NULL`;
    case "startsWith":
    case "notStartsWith":
    case "endsWith":
    case "notEndsWith": {
      const starts = q.method === "startsWith" || q.method === "notStartsWith";
      const not = q.method.startsWith("not");
      const v = escapeLike(String(q.values[0]));
      params.push(starts ? `${v}%` : `%${v}`);
      return `${c} ${not ? "NOT " : ""}LIKE ? ESCAPE '\\'`;
    }
    case "contains":
    case "containsAny":
    case "containsAll":
    case "notContains":
      return column?.array ? compileArrayContains(q, c, column, params) : compileStringContains(q, c, params);
    case "search":
    case "notSearch": {
      // Top-level searches were checked by the validator; a search nested in and/or is checked here.
      const index = table.indexes.find(
        (i) =>
          i.type === "fulltext" && i.status === "available" && i.columns.length === 1 && i.columns[0] === q.attribute,
      );
      if (!index) throw queryInvalid(`Searching by attribute "${q.attribute}" requires a fulltext index.`);
      const match = ftsQuery(String(q.values[0]));
      if (match === "") return q.method === "search" ? "0" : "1";
      params.push(match);
      const fts = quoteIdent(ftsName(table.seq, index.seq));
      return `t._seq ${q.method === "notSearch" ? "NOT " : ""}IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`;
    }
    case "regex":
      params.push(String(q.values[0]));
      return `${c} REGEXP ?`;
    default:
      throw new Error(`Unsupported query method reached the SQL compiler: ${q.method}`);
  }
}

function compileStringContains(q: Query, c: string, params: unknown[]): string {
  const not = q.method === "notContains";
  const parts = q.values.map((v) => {
    params.push(`%${escapeLike(String(v))}%`);
    return `${c} ${not ? "NOT " : ""}LIKE ? ESCAPE '\\'`;
  });
  return `(${parts.join(not || q.method === "containsAll" ? " AND " : " OR ")})`;
}

function compileArrayContains(q: Query, c: string, column: ColumnMeta, params: unknown[]): string {
  const values = [...new Set(q.values.map((v) => queryOperand(column, v)))];
  const placeholders = values.map(() => "?").join(", ");
  if (q.method === "containsAll") {
    params.push(...values, values.length);
    return `(SELECT COUNT(DISTINCT value) FROM json_each(${c}) WHERE value IN (${placeholders})) = ?`;
  }
  params.push(...values);
  const exists = `EXISTS (SELECT 1 FROM json_each(${c}) WHERE value IN (${placeholders}))`;
  // JSON_OVERLAPS(NULL, …) is NULL in MariaDB, so notContains excludes rows whose array is unset.
  return q.method === "notContains" ? `(${c} IS NOT NULL AND NOT ${exists})` : exists;
}

/**
 * How the row-permission restriction is written. `in` drives the query from the permissions table (best when the
 * caller can read few rows); `exists` probes it per candidate row (best when they can read many, or when an indexed
 * filter already narrows the candidates). RowReads picks one per request.
 */
export type PermissionStrategy = "in" | "exists";

/** WHERE clause for filters plus the row-permission restriction (null roles = no restriction). */
export function compileWhere(
  table: TableMeta,
  filters: readonly Query[],
  readRoles: readonly string[] | null,
  strategy: PermissionStrategy = "in",
): SqlPart {
  const params: unknown[] = [];
  const where = filters.map((f) => compileFilter(f, table, params));
  if (readRoles) {
    if (readRoles.length === 0) where.push("0");
    else {
      const perms = quoteIdent(permsName(table.seq));
      const roles = readRoles.map(() => "?").join(", ");
      where.push(
        strategy === "in"
          ? `t._seq IN (SELECT _row FROM ${perms} WHERE _action = 'read' AND _role IN (${roles}))`
          : `EXISTS (SELECT 1 FROM ${perms} AS p WHERE p._row = t._seq AND p._action = 'read' AND p._role IN (${roles}))`,
      );
      params.push(...readRoles);
    }
  }
  return { sql: where.length > 0 ? `WHERE ${where.join(" AND ")}` : "", params };
}

/** True when a top-level equal filter hits the leading column of an index (so candidates are already few). */
export function hasIndexedEqual(table: TableMeta, filters: readonly Query[]): boolean {
  const leading = new Set(["$id", "$createdAt", "$updatedAt"]);
  for (const index of table.indexes) {
    if (index.type !== "fulltext" && index.status === "available" && index.columns[0]) leading.add(index.columns[0]);
  }
  return filters.some((f) => f.method === "equal" && leading.has(f.attribute));
}

/** Order terms with Appwrite's `$sequence` tie-break appended. */
export function effectiveOrders(orders: readonly OrderTerm[]): OrderTerm[] {
  const result = [...orders];
  if (result.some((o) => o.attribute === "$id" || o.attribute === "$sequence")) return result;
  const lead = result[0];
  const tieDirection =
    lead && (lead.attribute === "$createdAt" || lead.attribute === "$updatedAt") && lead.direction !== "RANDOM"
      ? lead.direction
      : "ASC";
  result.push({ attribute: "$sequence", direction: tieDirection });
  return result;
}

export interface FindPlan {
  grouped: GroupedQueries;
  readRoles: readonly string[] | null;
  permissionStrategy?: PermissionStrategy;
  /** Raw SQLite values of the cursor row (already checked for nulls in order columns). */
  cursorRow: Record<string, unknown> | null;
}

export function compileFind(table: TableMeta, plan: FindPlan): SqlPart {
  const { grouped, cursorRow } = plan;
  const where = compileWhere(table, grouped.filters, plan.readRoles, plan.permissionStrategy);
  const params = [...where.params];
  const before = grouped.cursor?.direction === "before";
  const orders = effectiveOrders(grouped.orders);
  const orderSql: string[] = [];
  const cursorTerms: string[] = [];
  const cursorParams: unknown[] = [];
  // With a random first order the tie-break never applies (utopia consumes order types positionally).
  const random = orders[0]?.direction === "RANDOM";
  orders.forEach((o, i) => {
    if (o.direction === "RANDOM" || o.attribute === null) {
      orderSql.push("RANDOM()");
      return;
    }
    if (random) return;
    let direction = o.direction;
    if (before) direction = direction === "ASC" ? "DESC" : "ASC";
    orderSql.push(`${col(o.attribute)} ${direction}`);
    if (!cursorRow) return;
    const conditions: string[] = [];
    for (let j = 0; j < i; j++) {
      const prev = orders[j]!;
      if (prev.attribute === null) continue;
      conditions.push(`${col(prev.attribute)} = ?`);
      cursorParams.push(cursorRow[columnSql(prev.attribute)]);
    }
    conditions.push(`${col(o.attribute)} ${direction === "DESC" ? "<" : ">"} ?`);
    cursorParams.push(cursorRow[columnSql(o.attribute)]);
    cursorTerms.push(`(${conditions.join(" AND ")})`);
  });
  let whereSql = where.sql;
  if (cursorTerms.length > 0) {
    const cursorSql = `(${cursorTerms.join(" OR ")})`;
    whereSql = whereSql ? `${whereSql} AND ${cursorSql}` : `WHERE ${cursorSql}`;
    params.push(...cursorParams);
  }
  params.push(grouped.limit ?? 25, grouped.offset ?? 0);
  const sql = `SELECT t.* FROM ${quoteIdent(physicalName(table.seq))} AS t ${whereSql} ORDER BY ${orderSql.join(", ")} LIMIT ? OFFSET ?`;
  return { sql, params };
}

/** `total`: filter matches after permissions, ignoring limit/offset/cursor, capped at 5000 (APP_LIMIT_COUNT). */
export function compileCount(
  table: TableMeta,
  filters: readonly Query[],
  readRoles: readonly string[] | null,
  strategy?: PermissionStrategy,
): SqlPart {
  const where = compileWhere(table, filters, readRoles, strategy);
  return {
    sql: `SELECT COUNT(1) AS total FROM (SELECT 1 FROM ${quoteIdent(physicalName(table.seq))} AS t ${where.sql} LIMIT ${COUNT_LIMIT})`,
    params: where.params,
  };
}
