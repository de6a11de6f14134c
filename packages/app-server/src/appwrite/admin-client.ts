import "server-only";
// The API-key client. The key can do anything in the project, so a process builds exactly one (createAppServer does,
// once, and shares it with the booking engine), and everything done with it acts for a route handler that has
// already authorized the caller.
import type { Client } from "node-appwrite";
import { createAppwriteClient } from "./deadline-client";

export interface AdminClientConfig {
  endpoint: string;
  projectId: string;
  apiKey: string;
  /** The deadline of every call (see deadline-client). */
  timeoutMs: number;
}

/** A deadline client (see deadline-client) carrying the project API key. */
export function createAdminClient({ apiKey, ...rest }: AdminClientConfig): Client {
  return createAppwriteClient(rest).setKey(apiKey);
}
