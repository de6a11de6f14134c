// Tables of the account module. Names start with `_` so they can never collide with TablesDB tables (Appwrite IDs
// cannot start with a special character).
import type { Sqlite } from "../store.ts";

export function createAccountSchema(db: Sqlite): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS _account_users (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      email TEXT UNIQUE,
      phone TEXT UNIQUE,
      password TEXT,
      password_update TEXT,
      registration TEXT NOT NULL,
      status INTEGER NOT NULL DEFAULT 1,
      labels TEXT NOT NULL DEFAULT '[]',
      email_verification INTEGER NOT NULL DEFAULT 0,
      phone_verification INTEGER NOT NULL DEFAULT 0,
      prefs TEXT NOT NULL DEFAULT '{}',
      targets TEXT NOT NULL DEFAULT '[]',
      accessed_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS _account_sessions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL REFERENCES _account_users(id) ON DELETE CASCADE,
      secret_hash TEXT NOT NULL UNIQUE,
      provider TEXT NOT NULL,
      provider_uid TEXT NOT NULL DEFAULT '',
      factors TEXT NOT NULL DEFAULT '[]',
      ip TEXT NOT NULL DEFAULT '',
      user_agent TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      expire TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS _account_sessions_user ON _account_sessions(user_id, seq);
    CREATE TABLE IF NOT EXISTS _account_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `);
}
