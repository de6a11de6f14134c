// /v1/tablesdb/:databaseId/tables[/:tableId] – create (with inline columns/indexes), list, get, update, delete
// tables. API key only.
import type { Router } from "../http/router.ts";
import { actorOf, findDatabase, findTable, requireKey } from "./access.ts";
import { columnToJson, parseInlineColumn, sameKey } from "./columns.ts";
import { includeTotal, json, noContent } from "./http.ts";
import { resolveCustomId } from "./ids.ts";
import { indexToJson, parseIndexInput } from "./indexes.ts";
import { filterList } from "./list-filter.ts";
import {
  invalid,
  optionalBoolean,
  optionalPermissions,
  optionalString,
  queryStrings,
  requireCustomId,
  requireString,
} from "./params.ts";
import { aggregatePermissions, TABLE_ACTIONS } from "./permissions.ts";
import type { TablesDbServices } from "./services.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import type { ColumnMeta, IndexMeta, TableMeta } from "./types.ts";

const READ_SCOPES = ["tables.read", "collections.read"];
const WRITE_SCOPES = ["tables.write", "collections.write"];

export function tableToJson(table: TableMeta): Record<string, unknown> {
  return {
    $id: table.id,
    $createdAt: table.createdAt,
    $updatedAt: table.updatedAt,
    $permissions: table.permissions,
    databaseId: table.databaseId,
    name: table.name,
    enabled: table.enabled,
    rowSecurity: table.rowSecurity,
    columns: table.columns.map((c) => columnToJson(c)),
    indexes: table.indexes.map((i) => indexToJson(table, i)),
    bytesMax: 0,
    bytesUsed: 0,
  };
}

function objectList(value: unknown, name: string): Array<Record<string, unknown>> {
  if (value === undefined || value === null) return [];
  if (
    !Array.isArray(value) ||
    value.length > 100 ||
    value.some((v) => typeof v !== "object" || v === null || Array.isArray(v))
  ) {
    throw invalid(name, "Value must a valid array no longer than 100 items and Value must be a valid object.");
  }
  return value as Array<Record<string, unknown>>;
}

export function registerTableRoutes(router: Router, s: TablesDbServices): void {
  router.post("/v1/tablesdb/:databaseId/tables", (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, WRITE_SCOPES);
    const database = findDatabase(s.catalog, ctx.params.databaseId!, actor, false);
    const id = resolveCustomId(requireCustomId(ctx.body, "tableId"));
    const name = requireString(ctx.body, "name", 128);
    const permissions = aggregatePermissions(optionalPermissions(ctx.body, "permissions", TABLE_ACTIONS) ?? [], [
      "read",
      "create",
      "update",
      "delete",
    ]);
    const rowSecurity = optionalBoolean(ctx.body, "rowSecurity", true) ?? false;
    const enabled = optionalBoolean(ctx.body, "enabled") ?? true;
    const columns: ColumnMeta[] = [];
    for (const def of objectList(ctx.body.columns, "columns")) {
      const column = parseInlineColumn(def);
      if (columns.some((c) => sameKey(c.key, column.key))) throw tdbErrors.columnAlreadyExists(column.key);
      columns.push(column);
    }
    const indexes: Array<Omit<IndexMeta, "seq">> = [];
    for (const def of objectList(ctx.body.indexes, "indexes")) {
      const seqLess = indexes.map((i, n) => ({ ...i, seq: n }));
      indexes.push(parseIndexInput(def, columns, seqLess));
    }
    if (s.catalog.getTable(database.seq, id)) throw tdbErrors.tableAlreadyExists(id);
    const table = s.catalog.createTable(database, { id, name, enabled, rowSecurity, permissions, columns, indexes });
    return json(201, tableToJson(table));
  });

  router.get("/v1/tablesdb/:databaseId/tables", (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, READ_SCOPES);
    const database = findDatabase(s.catalog, ctx.params.databaseId!, actor, false);
    const items = s.catalog.listTables(database.seq).map(tableToJson);
    const result = filterList(items, queryStrings(ctx.query), ["name", "enabled", "rowSecurity"], {
      search: optionalString(ctx.query, "search"),
      includeTotal: includeTotal(ctx),
      noun: "Table",
    });
    return json(200, { total: result.total, tables: result.items });
  });

  router.get("/v1/tablesdb/:databaseId/tables/:tableId", (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, READ_SCOPES);
    return json(200, tableToJson(findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false)));
  });

  router.put("/v1/tablesdb/:databaseId/tables/:tableId", (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, WRITE_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    const given = optionalPermissions(ctx.body, "permissions", TABLE_ACTIONS);
    const updated = s.catalog.updateTable(table, {
      name: optionalString(ctx.body, "name", 128) ?? table.name,
      enabled: optionalBoolean(ctx.body, "enabled") ?? table.enabled,
      rowSecurity: optionalBoolean(ctx.body, "rowSecurity", true) ?? table.rowSecurity,
      permissions:
        given === null ? table.permissions : aggregatePermissions(given, ["read", "create", "update", "delete"]),
    });
    return json(200, tableToJson(updated));
  });

  router.delete("/v1/tablesdb/:databaseId/tables/:tableId", (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, WRITE_SCOPES);
    s.catalog.deleteTable(findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false));
    return noContent();
  });
}
