// Tables of the storage module (`_`-prefixed, like the account tables, so they cannot collide with TablesDB).
import type { Sqlite } from "../store.ts";

export function createStorageSchema(db: Sqlite): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS _storage_buckets (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      permissions TEXT NOT NULL DEFAULT '[]',
      file_security INTEGER NOT NULL,
      name TEXT NOT NULL,
      enabled INTEGER NOT NULL,
      maximum_file_size INTEGER NOT NULL,
      allowed_file_extensions TEXT NOT NULL DEFAULT '[]',
      compression TEXT NOT NULL,
      encryption INTEGER NOT NULL,
      antivirus INTEGER NOT NULL,
      transformations INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS _storage_files (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      bucket_id TEXT NOT NULL REFERENCES _storage_buckets(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      permissions TEXT NOT NULL DEFAULT '[]',
      name TEXT NOT NULL,
      signature TEXT NOT NULL DEFAULT '',
      mime_type TEXT NOT NULL DEFAULT '',
      size_original INTEGER NOT NULL,
      size_actual INTEGER NOT NULL DEFAULT 0,
      chunks_total INTEGER NOT NULL,
      chunks_uploaded INTEGER NOT NULL DEFAULT 0,
      encryption INTEGER NOT NULL,
      compression TEXT NOT NULL,
      UNIQUE (bucket_id, id)
    );
    -- Which chunks of an upload in progress have arrived; rows are removed once the file is assembled.
    CREATE TABLE IF NOT EXISTS _storage_upload_parts (
      bucket_id TEXT NOT NULL,
      file_id TEXT NOT NULL,
      part INTEGER NOT NULL,
      PRIMARY KEY (bucket_id, file_id, part)
    );
    -- File bytes in --memory mode (on disk otherwise), one row per uploaded chunk.
    CREATE TABLE IF NOT EXISTS _storage_blobs (
      bucket_id TEXT NOT NULL,
      file_id TEXT NOT NULL,
      part INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (bucket_id, file_id, part)
    );
  `);
}
