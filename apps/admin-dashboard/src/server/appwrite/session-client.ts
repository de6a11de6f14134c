import "server-only";
// A client that acts as the signed-in person: it carries their session secret (read from our httpOnly cookie),
// never the API key, so Appwrite's own permissions apply to everything done through it.
// eslint-disable-next-line no-restricted-imports -- this module is what the rule points everyone else to
import { Account, Client, TablesDB } from "node-appwrite";
import { env } from "@/env";

export interface SessionServices {
  account: Account;
  tablesDB: TablesDB;
}

export function createSessionClient(sessionSecret: string): SessionServices {
  const client = new Client()
    .setEndpoint(env.APPWRITE_ENDPOINT)
    .setProject(env.APPWRITE_PROJECT_ID)
    .setSession(sessionSecret);
  return { account: new Account(client), tablesDB: new TablesDB(client) };
}
