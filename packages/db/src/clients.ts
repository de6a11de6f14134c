// node-appwrite clients for the db scripts, authenticated with the API key.
import { Client, Storage, TablesDB, Users } from "node-appwrite";
import type { DbEnv } from "./env.ts";

export function createAdminClients(env: DbEnv) {
  const client = new Client().setEndpoint(env.endpoint).setProject(env.projectId).setKey(env.apiKey);
  return { client, tablesDB: new TablesDB(client), storage: new Storage(client), users: new Users(client) };
}
