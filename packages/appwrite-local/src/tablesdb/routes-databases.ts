// /v1/tablesdb and /v1/tablesdb/:databaseId – create, list, get, update, delete databases. API key only.
import type { Router } from "../http/router.ts";
import { actorOf, findDatabase, requireKey } from "./access.ts";
import { includeTotal, json, noContent } from "./http.ts";
import { resolveCustomId } from "./ids.ts";
import { filterList } from "./list-filter.ts";
import { optionalBoolean, optionalString, queryStrings, requireCustomId, requireString } from "./params.ts";
import type { TablesDbServices } from "./services.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import type { DatabaseMeta } from "./types.ts";

export function databaseToJson(db: DatabaseMeta): Record<string, unknown> {
  return {
    $id: db.id,
    name: db.name,
    $createdAt: db.createdAt,
    $updatedAt: db.updatedAt,
    enabled: db.enabled,
    type: "tablesdb",
    status: "ready",
  };
}

export function registerDatabaseRoutes(router: Router, s: TablesDbServices): void {
  router.post("/v1/tablesdb", (ctx) => {
    requireKey(actorOf(ctx.principal), ["databases.write"]);
    const id = resolveCustomId(requireCustomId(ctx.body, "databaseId"));
    const name = requireString(ctx.body, "name", 128);
    const enabled = optionalBoolean(ctx.body, "enabled") ?? true;
    if (s.catalog.getDatabase(id)) throw tdbErrors.databaseAlreadyExists(id);
    return json(201, databaseToJson(s.catalog.createDatabase(id, name, enabled)));
  });

  router.get("/v1/tablesdb", (ctx) => {
    requireKey(actorOf(ctx.principal), ["databases.read"]);
    const items = s.catalog.listDatabases().map(databaseToJson);
    const result = filterList(items, queryStrings(ctx.query), ["name", "enabled"], {
      search: optionalString(ctx.query, "search"),
      includeTotal: includeTotal(ctx),
      noun: "Database",
    });
    return json(200, { total: result.total, databases: result.items });
  });

  router.get("/v1/tablesdb/:databaseId", (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, ["databases.read"]);
    return json(200, databaseToJson(findDatabase(s.catalog, ctx.params.databaseId!, actor, false)));
  });

  router.put("/v1/tablesdb/:databaseId", (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, ["databases.write"]);
    const db = findDatabase(s.catalog, ctx.params.databaseId!, actor, false);
    const name = optionalString(ctx.body, "name", 128) ?? db.name;
    const enabled = optionalBoolean(ctx.body, "enabled") ?? db.enabled;
    return json(200, databaseToJson(s.catalog.updateDatabase(db, name, enabled)));
  });

  router.delete("/v1/tablesdb/:databaseId", (ctx) => {
    const actor = actorOf(ctx.principal);
    requireKey(actor, ["databases.write"]);
    s.catalog.deleteDatabase(findDatabase(s.catalog, ctx.params.databaseId!, actor, false));
    return noContent();
  });
}
