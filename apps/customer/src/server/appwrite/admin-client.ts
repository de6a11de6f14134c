import "server-only";
// The one place this app builds an API-key client. The key can do anything in the project, so everything built
// here stays under src/server/ and acts on behalf of a route handler that has already authorized the caller.
import { createAdminServices } from "@tenang/app-server/appwrite/admin-client";
import { env } from "@/env";

export const { createAdminTablesDB, createAdminUsers, createAdminStorage, createAdminAccount } = createAdminServices(
  () => ({
    endpoint: env.APPWRITE_ENDPOINT,
    projectId: env.APPWRITE_PROJECT_ID,
    apiKey: env.APPWRITE_API_KEY,
    timeoutMs: env.APPWRITE_TIMEOUT_MS,
  }),
);
