import "server-only";
// Builds API-key services. The key can do anything in the project, so each app wraps this once under its
// src/server/appwrite/admin-client.ts, and everything built here acts for a route handler that has already
// authorized the caller.
import { Account, type Client, Storage, TablesDB, Users } from "node-appwrite";
import { createAppwriteClient } from "./deadline-client";

export interface AdminClientConfig {
  endpoint: string;
  projectId: string;
  apiKey: string;
  /** The deadline of every call (see deadline-client). */
  timeoutMs: number;
}

export interface AdminServices {
  createAdminTablesDB(): TablesDB;
  createAdminUsers(): Users;
  createAdminStorage(): Storage;
  /** With an API key, Account can create sessions for a user (and returns the session secret). */
  createAdminAccount(): Account;
}

/** The admin service factories for one configuration; the Client is built on first use and then shared. */
export function createAdminServices(config: () => AdminClientConfig): AdminServices {
  let client: Client | undefined;
  const adminClient = (): Client => {
    if (!client) {
      const { apiKey, ...rest } = config();
      client = createAppwriteClient(rest).setKey(apiKey);
    }
    return client;
  };
  return {
    createAdminTablesDB: () => new TablesDB(adminClient()),
    createAdminUsers: () => new Users(adminClient()),
    createAdminStorage: () => new Storage(adminClient()),
    createAdminAccount: () => new Account(adminClient()),
  };
}
