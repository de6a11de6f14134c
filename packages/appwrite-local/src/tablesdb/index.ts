// TablesDB: databases, tables, columns, indexes, rows, queries, transactions (docs/appwrite-protocol.md §1–3, §5).
import type { Router } from "../http/router.ts";
import type { App } from "../app.ts";
import { createServices, type TablesDbServices } from "./services.ts";
import { registerTransactionRoutes } from "./routes-transactions.ts";
import { registerDatabaseRoutes } from "./routes-databases.ts";
import { registerTableRoutes } from "./routes-tables.ts";
import { registerColumnRoutes } from "./routes-columns.ts";
import { registerIndexRoutes } from "./routes-indexes.ts";
import { registerRowRoutes } from "./routes-rows.ts";
import { registerBulkRowRoutes } from "./routes-rows-bulk.ts";
import { registerAdjustRoutes } from "./routes-rows-adjust.ts";

export function registerTablesDb(router: Router, app: App): TablesDbServices {
  const services = createServices(app);
  // Literal /transactions paths first: the router takes the first match and would read them as a database ID.
  registerTransactionRoutes(router, services);
  registerDatabaseRoutes(router, services);
  registerTableRoutes(router, services);
  registerColumnRoutes(router, services);
  registerIndexRoutes(router, services);
  registerRowRoutes(router, services);
  registerBulkRowRoutes(router, services);
  registerAdjustRoutes(router, services);
  return services;
}
