// Backups: policies, archives and restorations (docs/appwrite-protocol.md "Backups"), with the policy scheduler.
import type { Router } from "../http/router.ts";
import type { App } from "../app.ts";
import type { TablesDbServices } from "../tablesdb/services.ts";
import type { StorageService } from "../storage/service.ts";
import { BackupService } from "./service.ts";
import { BackupScheduler, TICK_MS } from "./scheduler.ts";
import { registerBackupRoutes } from "./routes.ts";

export function registerBackups(router: Router, app: App, tables: TablesDbServices, storage: StorageService): void {
  const service = new BackupService(app, tables);
  registerBackupRoutes(router, service, tables, storage);
  const scheduler = new BackupScheduler(service);
  modules.set(app, { service, scheduler });
  const timer = setInterval(() => scheduler.tick(new Date()), TICK_MS);
  timer.unref();
  // Registered before the service's own idle() wait, so no new job starts while close() waits for running ones.
  app.onClose.unshift(() => clearInterval(timer));
}

const modules = new WeakMap<App, { service: BackupService; scheduler: BackupScheduler }>();

/** The backups module of a running server: tests wait for its jobs and drive the scheduler with their own clock. */
export function getBackups(app: App): { service: BackupService; scheduler: BackupScheduler } | undefined {
  return modules.get(app);
}
