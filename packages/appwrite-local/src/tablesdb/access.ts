// Who is calling and what they may reach: scope checks (only API keys manage databases, tables, columns and indexes;
// bulk row routes are key-only) and the database/table lookups with Appwrite's `enabled:false` rule.
import { AppwriteError, errors } from "../errors.ts";
import type { Principal } from "../principal.ts";
import type { Catalog } from "./catalog.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import type { Actor, DatabaseMeta, TableMeta } from "./types.ts";

export function actorOf(principal: Principal): Actor {
  if (principal.kind === "key") return { isKey: true, roles: principal.roles, userId: null, roleLabel: "applications" };
  if (principal.kind === "user")
    return { isKey: false, roles: principal.roles, userId: principal.userId, roleLabel: "users" };
  return { isKey: false, roles: principal.roles, userId: null, roleLabel: "guests" };
}

/** Management routes carry scopes (databases.*, tables.*) that sessions and guests never hold. */
export function requireKey(actor: Actor, scopes: string[]): void {
  if (!actor.isKey) throw errors.unauthorizedScope(actor.roleLabel, scopes);
}

/** Bulk row routes are API-key only; other callers get the generic scope error. */
export function requireKeyForBulk(actor: Actor): void {
  if (!actor.isKey) {
    throw new AppwriteError(
      401,
      "general_unauthorized_scope",
      "The current user or API key does not have the required scopes to access the requested resource.",
    );
  }
}

/**
 * Transactions are for signed-in users (session or JWT) and API keys: Appwrite's transaction routes list exactly
 * those callers (`auth: [ADMIN, KEY, SESSION, JWT]`), and a guest's unowned transactions would be pure load.
 */
export function transactionActor(principal: Principal): Actor {
  const actor = actorOf(principal);
  if (!actor.isKey && actor.userId === null)
    throw errors.unauthorized("Transactions require a session, a JWT or an API key.");
  return actor;
}

/** Looks a database up; a disabled one is invisible to everyone but API keys (when `respectEnabled`). */
export function findDatabase(catalog: Catalog, id: string, actor: Actor, respectEnabled = true): DatabaseMeta {
  const db = catalog.getDatabase(id);
  if (!db || (respectEnabled && !db.enabled && !actor.isKey)) throw tdbErrors.databaseNotFound(id);
  return db;
}

export function findTable(
  catalog: Catalog,
  databaseId: string,
  tableId: string,
  actor: Actor,
  respectEnabled = true,
): TableMeta {
  const db = findDatabase(catalog, databaseId, actor, respectEnabled);
  const table = catalog.getTable(db.seq, tableId);
  if (!table || (respectEnabled && !table.enabled && !actor.isKey)) throw tdbErrors.tableNotFound(tableId);
  return table;
}
