// Bulk row routes – POST …/rows with `rows[]`, PUT …/rows (upsert), PATCH …/rows (update by queries), DELETE …/rows
// (delete by queries). API key only; each request is one SQLite transaction, events go out per row after it commits.
import type { RequestContext, Router } from "../http/router.ts";
import { actorOf, findTable, requireKeyForBulk } from "./access.ts";
import { bodyOf, json, ROWS_PATH as ROWS } from "./http.ts";
import { isValidCustomId, KEY_DESCRIPTION, resolveCustomId } from "./ids.ts";
import { optionalObject, optionalUid, queryStrings } from "./params.ts";
import { describeInvalidPermissions, ROW_ACTIONS } from "./permissions.ts";
import { parseQueries } from "./query-parse.ts";
import { rowToJson } from "./row-json.ts";
import { sanitiseData } from "./row-ops.ts";
import type { TablesDbServices } from "./services.ts";
import { notPendingBadRequest, openTransaction, stageOne } from "./staging.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import type { StoredRow, TableMeta } from "./types.ts";

interface BulkDoc {
  id: string;
  data: Record<string, unknown>;
  permissions: string[] | null;
}

/** Validates `rows[]`: each an object with an optional custom `$id` and optional `$permissions`. */
function bulkDocs(list: unknown[]): BulkDoc[] {
  if (list.length > 100) throw tdbErrors.badRequest("Value must a valid array no longer than 100 items");
  return list.map((raw) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      throw tdbErrors.badRequest("Value must be a valid object.");
    const doc = raw as Record<string, unknown>;
    const id = doc.$id === undefined ? "unique()" : doc.$id;
    if (!isValidCustomId(id)) throw tdbErrors.badRequest(KEY_DESCRIPTION);
    let permissions: string[] | null = null;
    if (doc.$permissions !== undefined && doc.$permissions !== null) {
      const problem = describeInvalidPermissions(doc.$permissions, ROW_ACTIONS);
      if (problem) throw tdbErrors.badRequest(problem);
      permissions = doc.$permissions as string[];
    }
    return { id: resolveCustomId(id), data: doc, permissions };
  });
}

function tableOf(s: TablesDbServices, ctx: RequestContext): TableMeta {
  return findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actorOf(ctx.principal));
}

export function createRowsBulk(
  s: TablesDbServices,
  ctx: RequestContext,
  list: unknown[],
  transactionId: string | undefined,
) {
  const actor = actorOf(ctx.principal);
  requireKeyForBulk(actor);
  const table = tableOf(s, ctx);
  const docs = bulkDocs(list);
  if (transactionId) {
    const record = openTransaction(s, actor, transactionId);
    stageOne(s, record, table, {
      action: "bulkCreate",
      rowId: null,
      data: docs.map((d) => ({ ...sanitiseData(d.data, actor), $id: d.id, $permissions: d.permissions ?? [] })),
    });
    return json(201, { total: docs.length, rows: [] });
  }
  const rows = s.write((changes) =>
    docs.map((d) => {
      const row = s.ops.create(table, actor, {
        id: d.id,
        data: sanitiseData(d.data, actor),
        permissions: s.ops.resolveNewPermissions(actor, d.permissions),
      });
      changes.push({ table, row, action: "create" });
      return row;
    }),
  );
  return json(201, { total: rows.length, rows: rows.map((r) => rowToJson(table, r)) });
}

export function registerBulkRowRoutes(router: Router, s: TablesDbServices): void {
  router.put(ROWS, (ctx) => {
    const body = bodyOf(ctx);
    const actor = actorOf(ctx.principal);
    requireKeyForBulk(actor);
    if (!Array.isArray(body.rows)) throw tdbErrors.badRequest('Param "rows" is not optional.');
    const transactionId = optionalUid(body, "transactionId");
    const table = tableOf(s, ctx);
    const docs = bulkDocs(body.rows);
    if (transactionId) {
      const record = openTransaction(s, actor, transactionId, 1, notPendingBadRequest);
      stageOne(s, record, table, {
        action: "bulkUpsert",
        rowId: null,
        data: docs.map((d) => ({
          ...sanitiseData(d.data, actor),
          $id: d.id,
          ...(d.permissions ? { $permissions: d.permissions } : {}),
        })),
      });
      return json(201, { total: docs.length, rows: [] });
    }
    const rows = s.write((changes) =>
      docs.map((d) => {
        const { row } = s.ops.upsert(table, actor, d.id, sanitiseData(d.data, actor), d.permissions);
        changes.push({ table, row, action: "upsert" });
        return row;
      }),
    );
    return json(201, { total: rows.length, rows: rows.map((r) => rowToJson(table, r)) });
  });

  router.patch(ROWS, (ctx) => {
    const body = bodyOf(ctx);
    const actor = actorOf(ctx.principal);
    requireKeyForBulk(actor);
    const data = optionalObject(body, "data") ?? {};
    const queryList = queryStrings(body);
    const transactionId = optionalUid(body, "transactionId");
    if (Object.keys(data).length === 0) throw tdbErrors.rowMissingPayload();
    const table = tableOf(s, ctx);
    const queries = parseQueries(queryList);
    if (transactionId) {
      const record = openTransaction(s, actor, transactionId, 1, notPendingBadRequest);
      stageOne(s, record, table, {
        action: "bulkUpdate",
        rowId: null,
        data: { data: sanitiseData(data, actor), queries: queryList },
      });
      return json(200, { total: 0, rows: [] });
    }
    const rows = s.write((changes) => {
      const matched = s.reads.match(table, queries);
      return matched.map((m) => {
        const { row } = s.ops.update(table, actor, m.id, sanitiseData(data, actor), null);
        changes.push({ table, row, action: "update" });
        return row;
      });
    });
    return json(200, { total: rows.length, rows: rows.map((r) => rowToJson(table, r)) });
  });

  router.delete(ROWS, (ctx) => {
    const body = bodyOf(ctx);
    const actor = actorOf(ctx.principal);
    requireKeyForBulk(actor);
    const queryList = queryStrings(body);
    const transactionId = optionalUid(body, "transactionId");
    const table = tableOf(s, ctx);
    const queries = parseQueries(queryList);
    if (transactionId) {
      const record = openTransaction(s, actor, transactionId, 1, notPendingBadRequest);
      stageOne(s, record, table, { action: "bulkDelete", rowId: null, data: { queries: queryList } });
      return json(200, { total: 0, rows: [] });
    }
    const rows: StoredRow[] = s.write((changes) =>
      s.reads.match(table, queries).map((m) => {
        const row = s.ops.delete(table, actor, m.id);
        changes.push({ table, row, action: "delete" });
        return row;
      }),
    );
    return json(200, { total: rows.length, rows: rows.map((r) => rowToJson(table, r)) });
  });
}
