import "server-only";
// A client that acts as the signed-in person: it carries their session secret (read from our httpOnly cookie),
// never the API key, so Appwrite's own permissions apply to everything done through it.
import { createSessionServices, type SessionServices } from "@tenang/app-server/appwrite/session-client";
import { env } from "@/env";

export function createSessionClient(sessionSecret: string): SessionServices {
  return createSessionServices(
    { endpoint: env.APPWRITE_ENDPOINT, projectId: env.APPWRITE_PROJECT_ID, timeoutMs: env.APPWRITE_TIMEOUT_MS },
    sessionSecret,
  );
}
