// /v1/tablesdb/transactions[/:transactionId[/operations]] – create, list, get, stage operations, commit/rollback,
// delete. Sessions may use their own transactions; API keys see all. Register before /v1/tablesdb/:databaseId.
import type { Router } from "../http/router.ts";
import { findTable, transactionActor } from "./access.ts";
import { bodyOf, json, noContent } from "./http.ts";
import { isValidKey } from "./ids.ts";
import { filterList } from "./list-filter.ts";
import { invalid, optionalBoolean, optionalRange, queryStrings } from "./params.ts";
import { assertGrantable, isAuthorized, type PermissionAction } from "./permissions.ts";
import { publishRowChanges, type TablesDbServices } from "./services.ts";
import { notPendingBadRequest, stagedRow } from "./staging.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import { type OperationAction, type StagedOperation, transactionToJson } from "./transactions.ts";
import type { Actor } from "./types.ts";
import { errors } from "../errors.ts";

const BASE = "/v1/tablesdb/transactions";
const SINGLE: OperationAction[] = ["create", "update", "upsert", "delete", "increment", "decrement"];
const BULK: OperationAction[] = ["bulkCreate", "bulkUpdate", "bulkUpsert", "bulkDelete"];

/** Appwrite's Operation validator (tablesdb flavour); returns the failure description or null. */
function describeInvalidOperation(op: unknown): string | null {
  if (typeof op !== "object" || op === null || Array.isArray(op)) return "Value must be an array";
  const o = op as Record<string, unknown>;
  for (const key of ["action", "databaseId", "tableId"]) if (!(key in o)) return `Missing required key: ${key}`;
  for (const key of ["action", "databaseId", "tableId"]) {
    if (typeof o[key] !== "string" || (o[key] as string).trim() === "")
      return `Key '${key}' must be a non\u2011empty string`;
  }
  const action = o.action as OperationAction;
  if (![...SINGLE, ...BULK].includes(action)) return `Key 'action' must be one of: ${[...SINGLE, ...BULK].join(", ")}`;
  if (SINGLE.includes(action) && !("rowId" in o)) return `Key 'rowId' is required for action '${action}'`;
  if ("rowId" in o && (typeof o.rowId !== "string" || o.rowId.trim() === ""))
    return "Key 'rowId' must be a non-empty string";
  const needsData = action !== "delete";
  if (needsData && !("data" in o)) return "Missing required key: data";
  if ("data" in o && (typeof o.data !== "object" || o.data === null)) return "Key 'data' must be an array";
  const data = (o.data ?? {}) as Record<string, unknown>;
  if ((action === "bulkUpdate" || action === "bulkDelete") && !Array.isArray(data.queries))
    return `Key 'queries' is required in data for ${action}`;
  if (action === "bulkUpdate" && (typeof data.data !== "object" || data.data === null))
    return `Key 'data' is required in data for ${action}`;
  if ((action === "increment" || action === "decrement") && !("column" in data))
    return `Key 'column' is required in data for ${action}`;
  return null;
}

/** Per-operation permission checks for non-key callers (A …/Transactions/Operations/Create.php). */
function checkOperation(
  s: TablesDbServices,
  actor: Actor,
  txnId: string,
  op: StagedOperation,
  createdIds: Set<string>,
): void {
  const table = findTable(s.catalog, op.databaseId, op.tableId, actor);
  if (BULK.includes(op.action)) {
    if (!actor.isKey) throw errors.unauthorized();
    return;
  }
  let existing;
  if (op.action !== "create") {
    const key = `${table.seq}/${op.rowId}`;
    existing = stagedRow(s, s.txns.get(actor, txnId), table, op.rowId!);
    if (!existing && !createdIds.has(key) && op.action !== "upsert") throw tdbErrors.documentNotFound(op.rowId!);
  }
  if (op.action === "create" && op.rowId) createdIds.add(`${table.seq}/${op.rowId}`);
  if (actor.isKey) return;
  const type: PermissionAction =
    op.action === "create"
      ? "create"
      : op.action === "delete"
        ? "delete"
        : op.action === "upsert" && !existing
          ? "create"
          : "update";
  const tableOk = isAuthorized(actor, type, table.permissions);
  const rowOk =
    !!existing &&
    table.rowSecurity &&
    (type === "update" || type === "delete") &&
    isAuthorized(actor, type, existing.permissions);
  if (type === "create" || !table.rowSecurity ? !tableOk : !tableOk && !rowOk) throw errors.unauthorized();
  const data = op.data as Record<string, unknown> | null;
  if (data && Array.isArray(data.$permissions)) assertGrantable(actor, data.$permissions as string[]);
}

export function registerTransactionRoutes(router: Router, s: TablesDbServices): void {
  router.post(BASE, (ctx) => {
    const ttl = optionalRange(ctx.body, "ttl", 60, 3600) ?? 300;
    return json(201, transactionToJson(s.txns.create(transactionActor(ctx.principal), ttl)));
  });

  router.get(BASE, (ctx) => {
    const items = s.txns.list(transactionActor(ctx.principal)).map(transactionToJson);
    const result = filterList(items, queryStrings(ctx.query), ["status", "operations", "expiresAt"], {
      noun: "Transaction",
    });
    return json(200, { total: result.total, transactions: result.items });
  });

  router.get(`${BASE}/:transactionId`, (ctx) =>
    json(200, transactionToJson(s.txns.get(transactionActor(ctx.principal), ctx.params.transactionId!))),
  );

  router.delete(`${BASE}/:transactionId`, (ctx) => {
    s.txns.delete(transactionActor(ctx.principal), ctx.params.transactionId!);
    return noContent();
  });

  router.patch(`${BASE}/:transactionId`, (ctx) => {
    const actor = transactionActor(ctx.principal);
    const commit = optionalBoolean(ctx.body, "commit") ?? false;
    const rollback = optionalBoolean(ctx.body, "rollback") ?? false;
    if (!commit && !rollback) throw tdbErrors.badRequest("Either commit or rollback must be true");
    if (commit && rollback) throw tdbErrors.badRequest("Cannot commit and rollback at the same time");
    const record = s.txns.get(actor, ctx.params.transactionId!);
    if (record.status !== "pending") throw tdbErrors.transactionNotReady();
    if (Date.now() > Date.parse(record.expiresAt)) throw tdbErrors.transactionExpired();
    if (rollback) return json(200, transactionToJson(s.txns.rollback(record)));
    const { record: committed, changes } = s.txns.commit(actor, record);
    publishRowChanges(s.app, changes);
    return json(200, transactionToJson(committed));
  });

  router.post(`${BASE}/:transactionId/operations`, (ctx) => {
    const body = bodyOf(ctx);
    const actor = transactionActor(ctx.principal);
    const list = body.operations ?? [];
    if (!Array.isArray(list)) throw invalid("operations", "Value must a valid array");
    for (const op of list) {
      const problem = describeInvalidOperation(op);
      if (problem) throw invalid("operations", `Value must a valid array and ${problem}`);
    }
    if (list.length === 0) throw tdbErrors.badRequest("Operations array cannot be empty");
    const txnId = ctx.params.transactionId!;
    if (!isValidKey(txnId)) throw tdbErrors.transactionNotFound(txnId);
    const record = s.txns.get(actor, txnId);
    s.txns.assertWritable(record, list.length, notPendingBadRequest);
    const operations = (list as Array<Record<string, unknown>>).map((o): StagedOperation => ({
      action: o.action as OperationAction,
      databaseId: o.databaseId as string,
      tableId: o.tableId as string,
      rowId: typeof o.rowId === "string" ? o.rowId : null,
      data: o.data ?? {},
      stagedAt: "",
    }));
    const createdIds = new Set<string>();
    for (const op of operations) checkOperation(s, actor, txnId, op, createdIds);
    return json(201, transactionToJson(s.txns.stage(record, operations)));
  });
}
