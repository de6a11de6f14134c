import "server-only";
// Everything a use case needs, passed in: the API-key clients, the database id, the clock and the lifecycle rules.
// Nothing in this package reads process.env; each app builds one context from its own env module.
import { defaultLifecycleConfig, type LifecycleConfig } from "@tenang/booking-core/lifecycle/config";
import { Account, Client, Storage, TablesDB, Users } from "node-appwrite";

export interface BookingServerContext {
  tablesDB: TablesDB;
  users: Users;
  storage: Storage;
  /** With the API key, Account creates sessions for a new user and returns their secret (guests). */
  account: Account;
  databaseId: string;
  /** The engine's only source of "now" (tests move it forward instead of sleeping). */
  clock: () => Date;
  lifecycle: LifecycleConfig;
}

export interface BookingServerOptions {
  endpoint: string;
  projectId: string;
  /** The project API key: this package runs on the server only. */
  apiKey: string;
  databaseId: string;
  /** How long a therapist has to answer an immediate offer; booking-core's default (60 s) otherwise. */
  offerWindowSeconds?: number;
  clock?: () => Date;
  /**
   * The Appwrite client to use, already pointed at `endpoint` and `projectId` (the apps pass one whose every call has
   * a deadline, from app-server's deadline-client); a plain one otherwise. The API key is set on it here.
   */
  client?: Client;
}

export function createBookingServerContext(opts: BookingServerOptions): BookingServerContext {
  const client = (opts.client ?? new Client().setEndpoint(opts.endpoint).setProject(opts.projectId)).setKey(
    opts.apiKey,
  );
  const lifecycle: LifecycleConfig =
    opts.offerWindowSeconds === undefined
      ? defaultLifecycleConfig
      : { ...defaultLifecycleConfig, offerWindowMs: opts.offerWindowSeconds * 1000 };
  return {
    tablesDB: new TablesDB(client),
    users: new Users(client),
    storage: new Storage(client),
    account: new Account(client),
    databaseId: opts.databaseId,
    clock: opts.clock ?? (() => new Date()),
    lifecycle,
  };
}
