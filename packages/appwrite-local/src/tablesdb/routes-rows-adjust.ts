// PATCH …/rows/:rowId/:column/increment|decrement – atomic numeric change with an optional bound; needs update
// permission only (not read). Like Appwrite, these skip the enabled:false check and emit `update` events.
import type { Router } from "../http/router.ts";
import { actorOf, findTable } from "./access.ts";
import { bodyOf, json, ROWS_PATH } from "./http.ts";
import { invalid, optionalUid } from "./params.ts";
import { mockRowJson, rowToJson } from "./row-json.ts";
import type { TablesDbServices } from "./services.ts";
import { notPendingBadRequest, openTransaction, stageOne } from "./staging.ts";

function numeric(body: Record<string, unknown>, name: string, fallback: number | null): number | null {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
  throw invalid(name, "Value must be a valid number");
}

export function registerAdjustRoutes(router: Router, s: TablesDbServices): void {
  for (const direction of ["increment", "decrement"] as const) {
    const boundName = direction === "increment" ? "max" : "min";
    router.patch(`${ROWS_PATH}/:rowId/:column/${direction}`, (ctx) => {
      const body = bodyOf(ctx);
      const actor = actorOf(ctx.principal);
      const value = numeric(body, "value", 1)!;
      const bound = numeric(body, boundName, null);
      const transactionId = optionalUid(body, "transactionId");
      const table = findTable(s.catalog, ctx.params.databaseId!, ctx.params.tableId!, actor, false);
      const rowId = ctx.params.rowId!;
      const column = ctx.params.column!;
      if (transactionId) {
        const record = openTransaction(s, actor, transactionId, 1, notPendingBadRequest);
        stageOne(s, record, table, { action: direction, rowId, data: { column, value, [boundName]: bound } });
        return json(200, mockRowJson(table, rowId, { [column]: value }));
      }
      const row = s.write((changes) => {
        const updated = s.ops.adjust(table, actor, rowId, column, value, bound, direction);
        changes.push({ table, row: updated, action: "update" });
        return updated;
      });
      return json(200, rowToJson(table, row));
    });
  }
}
