// The server's shared state, handed to every route module and to the realtime server.
import type { Sqlite } from "./store.ts";
import type { EventBus } from "./events.ts";
import type { Principal } from "./principal.ts";
import type { IncomingHttpHeaders } from "node:http";
import type { OriginPolicy } from "./http/origins.ts";

export interface ServerConfig {
  projectId: string;
  apiKey: string;
  /** Directory for the SQLite file and stored files; undefined when `memory` is set. */
  dataDir?: string;
  memory: boolean;
  logLevel: "silent" | "info" | "debug";
  /** Appwrite's rate limits; off by default (protocol page recommendation). */
  rateLimits: boolean;
  /** Browser origins allowed besides localhost (hostnames, origins or `*.domain`), like Appwrite's Web platforms. */
  allowedOrigins: string[];
  /** How long a new or extended session lasts (Appwrite's project auth "duration"; default one year). */
  sessionDurationSeconds: number;
  /**
   * Test-only fault injection: the server SIGKILLs itself in the middle of a backup or restore job, so the crash
   * tests hit that window every time (APPWRITE_LOCAL_BACKUP_FAULT).
   */
  backupFault?: "kill-during-backup" | "kill-during-restore";
}

export interface App {
  config: ServerConfig;
  /** Which browser origins may make client requests and open realtime connections. */
  origins: OriginPolicy;
  db: Sqlite;
  bus: EventBus;
  /** Resolves who is calling from request headers (API key, session cookie/header, fallback cookies, JWT). */
  resolvePrincipal(headers: IncomingHttpHeaders, projectId: string): Principal;
  /** Called by close(); modules register their cleanup here (timers, sockets). */
  onClose: Array<() => void | Promise<void>>;
}
