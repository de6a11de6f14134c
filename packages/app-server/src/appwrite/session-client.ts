import "server-only";
// A client that acts as the signed-in person: it carries their session secret (read from an httpOnly cookie),
// never the API key, so Appwrite's own permissions apply to everything done through it.
import { Account, TablesDB } from "node-appwrite";
import { createAppwriteClient } from "./deadline-client";

export interface SessionClientConfig {
  endpoint: string;
  projectId: string;
  /** The deadline of every call (see deadline-client). */
  timeoutMs: number;
}

export interface SessionServices {
  account: Account;
  tablesDB: TablesDB;
}

export function createSessionServices(config: SessionClientConfig, sessionSecret: string): SessionServices {
  const client = createAppwriteClient(config).setSession(sessionSecret);
  return { account: new Account(client), tablesDB: new TablesDB(client) };
}
