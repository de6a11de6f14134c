import "server-only";
// A client that acts as the signed-in person: it carries their session secret (read from an httpOnly cookie),
// never the API key, so Appwrite's own permissions apply to everything done through it.
import { Account, Client, TablesDB } from "node-appwrite";

export interface SessionClientConfig {
  endpoint: string;
  projectId: string;
}

export interface SessionServices {
  account: Account;
  tablesDB: TablesDB;
}

export function createSessionServices(config: SessionClientConfig, sessionSecret: string): SessionServices {
  const client = new Client().setEndpoint(config.endpoint).setProject(config.projectId).setSession(sessionSecret);
  return { account: new Account(client), tablesDB: new TablesDB(client) };
}
