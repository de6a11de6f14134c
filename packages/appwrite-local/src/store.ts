// One SQLite database holds everything: metadata (databases, tables, columns, indexes), each Appwrite table as a real
// SQLite table (so Appwrite indexes are real SQLite indexes), users, sessions, buckets and file metadata.
// WAL + synchronous=NORMAL: a committed transaction survives the server process being killed (kill -9);
// every 2xx write is committed before the response is sent.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

export type Sqlite = Database.Database;

export function openStore(opts: { dataDir?: string; memory?: boolean }): Sqlite {
  if (opts.memory || !opts.dataDir) {
    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    return db;
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = new Database(path.join(opts.dataDir, "appwrite.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  // Checkpoint less often (default 1000 pages): fewer fsync-heavy checkpoints on the write path, same durability.
  db.pragma("wal_autocheckpoint = 10000");
  db.pragma("foreign_keys = ON");
  return db;
}
