// /v1/tablesdb/:databaseId/tables/:tableId/rows[/:rowId] – create (single or bulk), list, get, update, upsert and
// delete rows. Sessions and guests may call these; permissions decide (protocol §3). Bulk forms are API key only.
import type { RequestContext, Router } from "../http/router.ts";
import { actorOf, findTable } from "./access.ts";
import { createRowsBulk } from "./routes-rows-bulk.ts";
import { bodyOf, includeTotal, json, noContent, ROWS_PATH } from "./http.ts";
import { resolveCustomId } from "./ids.ts";
import {
  optionalObject,
  optionalPermissions,
  optionalRange,
  optionalUid,
  queryStrings,
  requireCustomId,
} from "./params.ts";
import { ROW_ACTIONS, aggregatePermissions, assertGrantable } from "./permissions.ts";
import { parseQueries } from "./query-parse.ts";
import { mockRowJson, rowToJson } from "./row-json.ts";
import { sanitiseData } from "./row-ops.ts";
import type { TablesDbServices } from "./services.ts";
import { openTransaction, stagedRow, stageOne } from "./staging.ts";
import { tdbErrors } from "./tablesdb-errors.ts";

const ROWS = ROWS_PATH;

function rowData(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const data = body.data;
  if (Array.isArray(data) && data.length === 0) return {};
  return optionalObject(body, "data");
}

function tableOf(s: TablesDbServices, ctx: RequestContext) {
  return findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actorOf(ctx.principal));
}

export function registerRowRoutes(router: Router, s: TablesDbServices): void {
  router.post(ROWS, (ctx) => {
    const body = bodyOf(ctx);
    const actor = actorOf(ctx.principal);
    const data = rowData(body);
    const permissionsParam = optionalPermissions(body, "permissions", ROW_ACTIONS);
    const transactionId = optionalUid(body, "transactionId");
    const bulk = body.rows;
    const hasData = data !== undefined && Object.keys(data).length > 0;
    const hasRows = Array.isArray(bulk) && bulk.length > 0;
    if (!hasData && !hasRows) throw tdbErrors.rowMissingData();
    if (hasData && hasRows) throw tdbErrors.badRequest("You can only send one of the following parameters: data, rows");
    if (hasRows) {
      if (body.rowId !== undefined && body.rowId !== "") {
        throw tdbErrors.badRequest(
          'Param "rowId" is not allowed when creating multiple rows, set "$id" on each instead.',
        );
      }
      if (permissionsParam && permissionsParam.length > 0) {
        throw tdbErrors.badRequest(
          'Param "permissions" is disallowed when creating multiple rows, set "$permissions" on each instead',
        );
      }
      return createRowsBulk(s, ctx, bulk as unknown[], transactionId);
    }
    if (body.rowId === undefined || body.rowId === "")
      throw tdbErrors.rowMissingData("Row ID is required when creating a single row.");
    const rowId = resolveCustomId(requireCustomId(body, "rowId"));
    const table = tableOf(s, ctx);
    const clean = sanitiseData(data!, actor);
    const permissions = s.ops.resolveNewPermissions(actor, permissionsParam);
    s.ops.checkCreate(table, actor, permissions);
    if (transactionId) {
      const record = openTransaction(s, actor, transactionId);
      stageOne(s, record, table, {
        action: "create",
        rowId,
        data: { ...clean, $id: rowId, $permissions: permissions },
      });
      return json(201, mockRowJson(table, rowId, { ...clean, $permissions: permissions }));
    }
    const row = s.write((changes) => {
      const created = s.ops.create(table, actor, { id: rowId, data: clean, permissions });
      changes.push({ table, row: created, action: "create" });
      return created;
    });
    return json(201, rowToJson(table, row));
  });

  router.get(ROWS, (ctx) => {
    const actor = actorOf(ctx.principal);
    const table = tableOf(s, ctx);
    const queries = parseQueries(queryStrings(ctx.query));
    const transactionId = optionalUid(ctx.query, "transactionId");
    optionalRange(ctx.query, "ttl", 0, 86400, true);
    const total = includeTotal(ctx);
    const read = () => {
      const current = s.catalog.refresh(table) ?? table;
      const page = s.reads.list(current, actor, queries, total);
      return { total: page.total, rows: page.rows.map((r) => rowToJson(current, r, page.selects)) };
    };
    if (transactionId) return json(200, s.txns.withStagedState(s.txns.get(actor, transactionId), read));
    return json(200, read());
  });

  router.get(`${ROWS}/:rowId`, (ctx) => {
    const actor = actorOf(ctx.principal);
    const table = tableOf(s, ctx);
    const queries = parseQueries(queryStrings(ctx.query));
    const transactionId = optionalUid(ctx.query, "transactionId");
    const read = () => {
      const current = s.catalog.refresh(table) ?? table;
      const { row, selects } = s.reads.get(current, actor, ctx.params.rowId!, queries);
      return rowToJson(current, row, selects);
    };
    if (transactionId) return json(200, s.txns.withStagedState(s.txns.get(actor, transactionId), read));
    return json(200, read());
  });

  router.patch(`${ROWS}/:rowId`, (ctx) => {
    const body = bodyOf(ctx);
    const actor = actorOf(ctx.principal);
    const data = rowData(body) ?? {};
    const permissions = optionalPermissions(body, "permissions", ROW_ACTIONS);
    const transactionId = optionalUid(body, "transactionId");
    if (Object.keys(data).length === 0 && permissions === null) throw tdbErrors.rowMissingPayload();
    const table = tableOf(s, ctx);
    const rowId = ctx.params.rowId!;
    const clean = sanitiseData(data, actor);
    if (transactionId) {
      const record = openTransaction(s, actor, transactionId);
      const current = stagedRow(s, record, table, rowId);
      if (!current) throw tdbErrors.rowNotFound(rowId);
      const aggregated = permissions === null ? null : aggregatePermissions(permissions, ["read", "update", "delete"]);
      if (aggregated) assertGrantable(actor, aggregated);
      stageOne(s, record, table, {
        action: "update",
        rowId,
        data: aggregated ? { ...clean, $permissions: aggregated } : clean,
      });
      return json(200, mockRowJson(table, rowId, aggregated ? { ...clean, $permissions: aggregated } : clean, current));
    }
    const row = s.write((changes) => {
      const { row: updated } = s.ops.update(table, actor, rowId, clean, permissions);
      changes.push({ table, row: updated, action: "update" });
      return updated;
    });
    return json(200, rowToJson(table, row));
  });

  router.put(`${ROWS}/:rowId`, (ctx) => {
    const body = bodyOf(ctx);
    const actor = actorOf(ctx.principal);
    const data = rowData(body) ?? {};
    const permissions = optionalPermissions(body, "permissions", ROW_ACTIONS);
    const transactionId = optionalUid(body, "transactionId");
    if (Object.keys(data).length === 0 && permissions === null) throw tdbErrors.rowMissingPayload();
    const table = tableOf(s, ctx);
    const rowId = ctx.params.rowId!;
    const clean = sanitiseData(data, actor);
    if (transactionId) {
      const record = openTransaction(s, actor, transactionId);
      const current = stagedRow(s, record, table, rowId);
      const resolved =
        permissions === null
          ? current
            ? current.permissions
            : s.ops.resolveNewPermissions(actor, null)
          : aggregatePermissions(permissions, ["read", "update", "delete"]);
      assertGrantable(actor, resolved);
      stageOne(s, record, table, { action: "upsert", rowId, data: { ...clean, $permissions: resolved } });
      return json(201, mockRowJson(table, rowId, { ...clean, $permissions: resolved }));
    }
    const row = s.write((changes) => {
      const { row: upserted } = s.ops.upsert(table, actor, rowId, clean, permissions);
      changes.push({ table, row: upserted, action: "upsert" });
      return upserted;
    });
    return json(200, rowToJson(table, row));
  });

  router.delete(`${ROWS}/:rowId`, (ctx) => {
    const body = bodyOf(ctx);
    const actor = actorOf(ctx.principal);
    const transactionId = optionalUid(body, "transactionId");
    const table = tableOf(s, ctx);
    const rowId = ctx.params.rowId!;
    if (transactionId) {
      const record = openTransaction(s, actor, transactionId);
      if (!stagedRow(s, record, table, rowId)) throw tdbErrors.rowNotFound(rowId);
      stageOne(s, record, table, { action: "delete", rowId, data: {} });
      return noContent();
    }
    s.write((changes) => {
      const deleted = s.ops.delete(table, actor, rowId);
      changes.push({ table, row: deleted, action: "delete" });
    });
    return noContent();
  });
}
