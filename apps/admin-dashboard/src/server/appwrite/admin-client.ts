import "server-only";
// The one place this app builds an API-key client. The key can do anything in the project, so everything built
// here stays under src/server/ and acts on behalf of a route handler that has already authorized the caller.
// eslint-disable-next-line no-restricted-imports -- this module is what the rule points everyone else to
import { Account, Client, Storage, TablesDB, Users } from "node-appwrite";
import { env } from "@/env";

let client: Client | undefined;

function adminClient(): Client {
  client ??= new Client()
    .setEndpoint(env.APPWRITE_ENDPOINT)
    .setProject(env.APPWRITE_PROJECT_ID)
    .setKey(env.APPWRITE_API_KEY);
  return client;
}

export function createAdminTablesDB(): TablesDB {
  return new TablesDB(adminClient());
}

export function createAdminUsers(): Users {
  return new Users(adminClient());
}

export function createAdminStorage(): Storage {
  return new Storage(adminClient());
}

/** With an API key, Account can create sessions for a user (and returns the session secret). */
export function createAdminAccount(): Account {
  return new Account(adminClient());
}
