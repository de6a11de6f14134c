// The TablesDB services one server instance shares across its routes, and the "write, commit, then publish" rule.
import type { App } from "../app.ts";
import { Catalog } from "./catalog.ts";
import { buildRowEvent, eventRoles } from "./events.ts";
import { rolesFor } from "./permissions.ts";
import { parseQueries } from "./query-parse.ts";
import { RowOps } from "./row-ops.ts";
import { RowReads } from "./row-reads.ts";
import { RowStore } from "./row-store.ts";
import { rowToJson } from "./row-json.ts";
import { type RowChange, Transactions } from "./transactions.ts";
import { registerRegexp } from "./sql-functions.ts";

export interface TablesDbServices {
  app: App;
  catalog: Catalog;
  ops: RowOps;
  reads: RowReads;
  txns: Transactions;
  /** Runs `fn` in one SQLite transaction; its row changes are published only after the commit. */
  write<T>(fn: (changes: RowChange[]) => T): T;
}

export function createServices(app: App): TablesDbServices {
  registerRegexp(app.db);
  const catalog = new Catalog(app.db);
  const store = new RowStore(app.db);
  const ops = new RowOps(store);
  const reads = new RowReads(store);
  const txns = new Transactions(app.db, catalog, ops, (table, queries) => reads.match(table, parseQueries(queries)));
  return {
    app,
    catalog,
    ops,
    reads,
    txns,
    write<T>(fn: (changes: RowChange[]) => T): T {
      const changes: RowChange[] = [];
      const result = app.db.transaction(() => fn(changes))();
      publishRowChanges(app, changes);
      return result;
    },
  };
}

export function publishRowChanges(app: App, changes: readonly RowChange[]): void {
  for (const { table, row, action } of changes) {
    // The write is already committed: a failing subscriber must not turn its 2xx into an error.
    try {
      publishOne(app, { table, row, action });
    } catch (err) {
      if (app.config.logLevel !== "silent") console.error("[appwrite-local] realtime publish failed", err);
    }
  }
}

function publishOne(app: App, { table, row, action }: RowChange): void {
  app.bus.publish(
    buildRowEvent({
      databaseId: table.databaseId,
      tableId: table.id,
      rowId: row.id,
      action,
      roles: eventRoles(rolesFor(table.permissions, "read"), rolesFor(row.permissions, "read"), table.rowSecurity),
      payload: rowToJson(table, row),
    }),
  );
}
