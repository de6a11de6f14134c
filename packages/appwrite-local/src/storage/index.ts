// Storage: buckets and files (derived from node-appwrite's storage service and Appwrite's Storage module).
import type { Router } from "../http/router.ts";
import type { App } from "../app.ts";
import { StorageService } from "./service.ts";
import { registerBucketRoutes } from "./bucket-routes.ts";
import { registerFileUpload } from "./file-upload.ts";
import { registerFileRoutes } from "./file-routes.ts";
import { registerFileContentRoutes } from "./file-content-routes.ts";

export function registerStorage(router: Router, app: App): StorageService {
  const service = new StorageService(app);
  registerBucketRoutes(router, service);
  registerFileUpload(router, app, service);
  // Content routes (`…/:fileId/view`) have more segments than `…/:fileId`, so registration order does not matter.
  registerFileContentRoutes(router, service);
  registerFileRoutes(router, app, service);
  return service;
}
