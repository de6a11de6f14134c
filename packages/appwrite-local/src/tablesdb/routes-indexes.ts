// /v1/tablesdb/:databaseId/tables/:tableId/indexes – create (202), list, get, delete indexes. API key only.
import type { Router } from "../http/router.ts";
import { actorOf, findTable, requireKey } from "./access.ts";
import { includeTotal, json, noContent } from "./http.ts";
import { indexToJson, parseIndexInput } from "./indexes.ts";
import { filterList } from "./list-filter.ts";
import { queryStrings } from "./params.ts";
import type { TablesDbServices } from "./services.ts";
import { tdbErrors } from "./tablesdb-errors.ts";

const READ_SCOPES = ["tables.read", "collections.read", "indexes.read"];
const WRITE_SCOPES = ["tables.write", "collections.write", "indexes.write"];
const BASE = "/v1/tablesdb/:databaseId/tables/:tableId/indexes";

export function registerIndexRoutes(router: Router, s: TablesDbServices): void {
  router.post(BASE, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, WRITE_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    const input = parseIndexInput(ctx.body, table.columns, table.indexes);
    const updated = s.catalog.addIndex(table, input);
    const index = updated.indexes.find((i) => i.key === input.key)!;
    // Appwrite builds indexes in a worker and answers `processing`; a failed build shows up on the next GET.
    return json(202, indexToJson(updated, index, "processing"));
  });

  router.get(BASE, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, READ_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    const items = table.indexes.map((i) => indexToJson(table, i));
    const result = filterList(items, queryStrings(ctx.query), ["key", "type", "status", "columns", "error"], {
      includeTotal: includeTotal(ctx),
      noun: "Index",
    });
    return json(200, { total: result.total, indexes: result.items });
  });

  router.get(`${BASE}/:key`, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, READ_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    const index = table.indexes.find((i) => i.key === ctx.params.key);
    if (!index) throw tdbErrors.indexNotFound(ctx.params.key!);
    return json(200, indexToJson(table, index));
  });

  router.delete(`${BASE}/:key`, (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, WRITE_SCOPES);
    const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
    if (!table.indexes.some((i) => i.key === ctx.params.key)) throw tdbErrors.indexNotFound(ctx.params.key!);
    s.catalog.removeIndex(table, ctx.params.key!);
    return noContent();
  });
}
