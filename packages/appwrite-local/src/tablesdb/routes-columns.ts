// /v1/tablesdb/:databaseId/tables/:tableId/columns – create (202, reported `processing` but usable at once), update,
// get, list, delete columns. API key only. A new column on a table with rows is NULL for those rows, as in Appwrite.
import { AppwriteError } from "../errors.ts";
import type { Router } from "../http/router.ts";
import { actorOf, findTable, requireKey } from "./access.ts";
import { columnToJson, sameKey, isSupportedColumnRoute, parseColumnCreate, parseColumnUpdate } from "./columns.ts";
import { physicalName, quoteIdent } from "./ddl.ts";
import { includeTotal, json, noContent } from "./http.ts";
import { filterList } from "./list-filter.ts";
import { queryStrings } from "./params.ts";
import type { TablesDbServices } from "./services.ts";
import { tdbErrors } from "./tablesdb-errors.ts";

const READ_SCOPES = ["tables.read", "collections.read", "columns.read", "attributes.read"];
const WRITE_SCOPES = ["tables.write", "collections.write", "columns.write", "attributes.write"];
const BASE = "/v1/tablesdb/:databaseId/tables/:tableId/columns";

function unsupported(type: string): AppwriteError {
  return new AppwriteError(400, "column_type_not_supported", `Column type '${type}' is not supported by this server.`);
}

export function registerColumnRoutes(router: Router, s: TablesDbServices): void {
  router.get(BASE, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, READ_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    const items = table.columns.map((c) => ({ ...columnToJson(c), $id: c.key }));
    const result = filterList(
      items,
      queryStrings(ctx.query),
      ["key", "type", "size", "required", "array", "status", "error"],
      {
        includeTotal: includeTotal(ctx),
        noun: "Column",
      },
    );
    return json(200, { total: result.total, columns: result.items.map(({ $id: _id, ...rest }) => rest) });
  });

  router.post(`${BASE}/:type`, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, WRITE_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    const type = ctx.params.type!;
    if (!isSupportedColumnRoute(type)) throw unsupported(type);
    const column = parseColumnCreate(type, ctx.body);
    if (table.columns.some((c) => sameKey(c.key, column.key))) throw tdbErrors.columnAlreadyExists(column.key);
    s.catalog.addColumn(table, column);
    // Appwrite answers before its worker adds the column; here it is already available.
    return json(202, columnToJson(column, "processing"));
  });

  router.patch(`${BASE}/:type/:key`, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, WRITE_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    const type = ctx.params.type!;
    if (!isSupportedColumnRoute(type)) throw unsupported(type);
    const existing = table.columns.find((c) => c.key === ctx.params.key);
    if (!existing) throw tdbErrors.columnNotFound(ctx.params.key!);
    const { column, newKey } = parseColumnUpdate(existing, type, ctx.body);
    if (newKey !== undefined && newKey !== existing.key) {
      if (table.columns.some((c) => c.key !== existing.key && sameKey(c.key, newKey)))
        throw tdbErrors.columnAlreadyExists(newKey);
      column.key = newKey;
    }
    if ((column.type === "string" || column.type === "varchar") && column.size < existing.size) {
      const tooLong = s.app.db
        .prepare(
          `SELECT 1 FROM ${quoteIdent(physicalName(table.seq))} WHERE length(${quoteIdent(existing.key)}) > ? LIMIT 1`,
        )
        .get(column.size);
      if (tooLong) throw tdbErrors.columnInvalidResize();
    }
    s.catalog.updateColumn(table, existing.key, column);
    return json(200, columnToJson(column));
  });

  router.get(`${BASE}/:key`, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, READ_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    const column = table.columns.find((c) => c.key === ctx.params.key);
    if (!column) throw tdbErrors.columnNotFound(ctx.params.key!);
    return json(200, columnToJson(column));
  });

  router.delete(`${BASE}/:key`, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, WRITE_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    if (!table.columns.some((c) => c.key === ctx.params.key)) throw tdbErrors.columnNotFound(ctx.params.key!);
    s.catalog.removeColumn(table, ctx.params.key!);
    return noContent();
  });
}
