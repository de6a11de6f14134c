// Tables of the backups module (`_`-prefixed like the account and storage tables, so they never collide with
// TablesDB). Archive bytes live outside SQLite, under the backups directory (see archive-files.ts).
import type { Sqlite } from "../store.ts";

export function createBackupSchema(db: Sqlite): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS _backup_policies (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      services TEXT NOT NULL,
      resource_id TEXT,
      resource_type TEXT,
      retention INTEGER NOT NULL,
      schedule TEXT NOT NULL,
      enabled INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      -- The scheduled time of the last run the scheduler started (not the wall clock), so a missed slot runs once.
      last_run_at TEXT
    );
    CREATE TABLE IF NOT EXISTS _backup_archives (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      policy_id TEXT NOT NULL DEFAULT '',
      services TEXT NOT NULL,
      resources TEXT NOT NULL,
      resource_id TEXT,
      resource_type TEXT,
      status TEXT NOT NULL,
      size INTEGER NOT NULL DEFAULT 0,
      started_at TEXT NOT NULL DEFAULT '',
      error TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS _backup_restorations (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      archive_id TEXT NOT NULL,
      policy_id TEXT NOT NULL DEFAULT '',
      services TEXT NOT NULL,
      resources TEXT NOT NULL,
      status TEXT NOT NULL,
      started_at TEXT NOT NULL DEFAULT '',
      options TEXT NOT NULL DEFAULT '{}',
      error TEXT NOT NULL DEFAULT '',
      -- 1 once the SQLite part of the restore is committed while file bytes are still to be moved into place:
      -- a restart finishes that move instead of failing the restoration.
      applied INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `);
}
