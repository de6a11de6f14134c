// listRows/getRow: query validation, cursor lookup (without permission checks), table-vs-row read permissions and
// the SQL page + capped total (A …/Documents/XList.php, Get.php; U Database::find/count/getDocument).
import { columnSql, permsName, quoteIdent } from "./ddl.ts";
import { authorize, isAuthorized } from "./permissions.ts";
import {
  groupQueries,
  type Query,
  queryInvalid,
  schemaFor,
  validateGetQueries,
  validateListQueries,
} from "./query-parse.ts";
import { compileCount, compileFind, effectiveOrders, hasIndexedEqual, type PermissionStrategy } from "./query-sql.ts";
import type { RowStore } from "./row-store.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import { isValidKey, UID_DESCRIPTION } from "./ids.ts";
import type { Actor, StoredRow, TableMeta } from "./types.ts";

const PERMISSION_PROBE_LIMIT = 2000;

export interface RowPage {
  total: number;
  rows: StoredRow[];
  selects: string[] | null;
}

export class RowReads {
  constructor(private readonly store: RowStore) {}

  list(table: TableMeta, actor: Actor, queries: readonly Query[], includeTotal: boolean): RowPage {
    const grouped = groupQueries(queries);
    const rows = this.store.rows(table);
    let cursorRow: Record<string, unknown> | null = null;
    if (grouped.cursor) {
      if (!isValidKey(grouped.cursor.id)) throw queryInvalid(`Invalid cursor: ${UID_DESCRIPTION}`);
      cursorRow = rows.getRawById(grouped.cursor.id) ?? null;
      if (!cursorRow) throw tdbErrors.cursorNotFound(grouped.cursor.id);
    }
    validateListQueries(queries, schemaFor(table.columns, table.indexes));
    const readRoles = this.readRestriction(table, actor);
    if (cursorRow) {
      for (const order of effectiveOrders(grouped.orders)) {
        if (order.attribute !== null && cursorRow[columnSql(order.attribute)] === null)
          throw tdbErrors.orderNull(order.attribute);
      }
    }
    const permissionStrategy = readRoles ? this.permissionStrategy(table, grouped.filters, readRoles) : undefined;
    const find = compileFind(table, { grouped, readRoles, cursorRow, permissionStrategy });
    const raws = rows.select(find.sql).all(...find.params) as Array<Record<string, unknown>>;
    let page = raws.map((r) => rows.decode(r));
    if (grouped.cursor?.direction === "before") page = page.reverse();
    let total = 0;
    if (includeTotal) {
      const count = compileCount(table, grouped.filters, readRoles, permissionStrategy);
      const r = rows.select(count.sql).get(...count.params) as { total: number | bigint };
      total = Number(r.total);
    }
    return { total, rows: page, selects: grouped.selects };
  }

  /** Rows matching queries for bulk update/delete: no permission restriction (API key only), no default limit. */
  match(table: TableMeta, queries: readonly Query[]): StoredRow[] {
    const grouped = groupQueries(queries);
    validateListQueries(queries, schemaFor(table.columns, table.indexes));
    const rows = this.store.rows(table);
    let cursorRow: Record<string, unknown> | null = null;
    if (grouped.cursor) {
      cursorRow = rows.getRawById(grouped.cursor.id) ?? null;
      if (!cursorRow) throw tdbErrors.cursorNotFound(grouped.cursor.id);
    }
    const find = compileFind(table, {
      grouped: { ...grouped, limit: grouped.limit ?? Number.MAX_SAFE_INTEGER },
      readRoles: null,
      cursorRow,
    });
    const matched = (rows.select(find.sql).all(...find.params) as Array<Record<string, unknown>>).map((r) =>
      rows.decode(r),
    );
    return grouped.cursor?.direction === "before" ? matched.reverse() : matched;
  }

  /** Few readable rows: drive from the permissions table; many (or an indexed equal filter): probe it per row. */
  private permissionStrategy(
    table: TableMeta,
    filters: readonly Query[],
    roles: readonly string[],
  ): PermissionStrategy {
    if (hasIndexedEqual(table, filters)) return "exists";
    const probe = this.store
      .rows(table)
      .select(
        `SELECT COUNT(1) AS c FROM (SELECT 1 FROM ${quoteIdent(permsName(table.seq))} WHERE _action = 'read' AND _role IN (${roles.map(() => "?").join(", ")}) LIMIT ${PERMISSION_PROBE_LIMIT})`,
      );
    const { c } = probe.get(...roles) as { c: number | bigint };
    return Number(c) < PERMISSION_PROBE_LIMIT ? "in" : "exists";
  }

  /** null = whole table readable; otherwise the caller's roles to match against row read permissions. */
  private readRestriction(table: TableMeta, actor: Actor): readonly string[] | null {
    if (isAuthorized(actor, "read", table.permissions)) return null;
    if (!table.rowSecurity) authorize(actor, "read", table.permissions);
    return actor.roles;
  }

  get(
    table: TableMeta,
    actor: Actor,
    rowId: string,
    queries: readonly Query[],
  ): { row: StoredRow; selects: string[] | null } {
    validateGetQueries(queries, schemaFor(table.columns, table.indexes));
    const row = this.store.rows(table).getById(rowId);
    const readable =
      row && isAuthorized(actor, "read", [...table.permissions, ...(table.rowSecurity ? row.permissions : [])]);
    if (!row || !readable) throw tdbErrors.rowNotFound(rowId);
    return { row, selects: groupQueries(queries).selects };
  }
}
