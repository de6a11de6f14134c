// TablesDB: databases, tables, columns, indexes, rows, queries, transactions. (Owned by the TablesDB module.)
import type { Router } from "../http/router.ts";
import type { App } from "../app.ts";

export function registerTablesDb(_router: Router, _app: App): void {}
