// The backups module's state and jobs: archives (SQLite's online backup of the store, plus file bytes) and
// restorations (one SQLite transaction, then file bytes moved into place). Jobs run in this process after the
// route has answered, like Appwrite's migrations worker; `idle()` waits for them.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { App } from "../app.ts";
import type { TablesDbServices } from "../tablesdb/services.ts";
import { uniqueId } from "../account/ids.ts";
import { BackupRepo, type ArchiveRecord, type ResourceType, type RestorationRecord } from "./repo.ts";
import { createBackupSchema } from "./schema.ts";
import { DATA_FILE, archiveDir, archiveTempDir, copyBucketFiles, directorySize, syncDir } from "./archive-files.ts";
import { archivedBucketIds, archivedDatabaseIds, restoreBucket, restoreDatabase } from "./restore-apply.ts";

/** Services the local server can back up; `tablesdb` and `databases` name the same store here. */
export const DATABASE_SERVICES = new Set(["databases", "tablesdb"]);
export const SUPPORTED_SERVICES = new Set([...DATABASE_SERVICES, "storage"]);

const INTERRUPTED = "The server stopped while this job was running.";

export interface ArchiveInput {
  services: string[];
  resourceId: string | null;
  resourceType: ResourceType | null;
  policyId: string;
}

export class BackupService {
  readonly repo: BackupRepo;
  /** Where archives are kept: `<data>/backups`, or a temp directory removed on close in --memory mode. */
  readonly root: string;
  private readonly filesRoot: string | null;
  private readonly running = new Set<Promise<void>>();
  /** Restorations run one at a time: each ATTACHes its archive under the one name `arc`. */
  private restoreQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly app: App,
    private readonly tables: TablesDbServices,
  ) {
    createBackupSchema(app.db);
    this.repo = new BackupRepo(app.db);
    const { dataDir } = app.config;
    this.filesRoot = dataDir ? path.join(dataDir, "files") : null;
    if (dataDir) {
      this.root = path.join(dataDir, "backups");
      fs.mkdirSync(this.root, { recursive: true });
    } else {
      this.root = fs.mkdtempSync(path.join(os.tmpdir(), "appwrite-local-backups-"));
      app.onClose.push(() => fs.rmSync(this.root, { recursive: true, force: true }));
    }
    app.onClose.push(() => this.idle());
    this.recover();
  }

  /** Resolves once every job started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private run(job: () => Promise<void>): void {
    // After the route's answer (setImmediate), as a queued job; a job's failure is recorded on its row.
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(job)
      .catch((err: unknown) => {
        if (this.app.config.logLevel !== "silent") console.error("[appwrite-local] backup job failed", err);
      })
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** What a new archive covers: database IDs and/or bucket IDs, as the model's `resources`. */
  resourcesFor(input: Pick<ArchiveInput, "services" | "resourceId">): string[] {
    if (input.resourceId) return [input.resourceId];
    const ids: string[] = [];
    if (input.services.some((s) => DATABASE_SERVICES.has(s)))
      ids.push(...this.tables.catalog.listDatabases().map((d) => d.id));
    if (input.services.includes("storage"))
      ids.push(
        ...(this.app.db.prepare("SELECT id FROM _storage_buckets ORDER BY seq").all() as Array<{ id: string }>).map(
          (r) => r.id,
        ),
      );
    return ids;
  }

  startArchive(input: ArchiveInput): ArchiveRecord {
    const archive = this.repo.insertArchive({
      id: uniqueId(),
      policyId: input.policyId,
      services: input.services,
      resources: this.resourcesFor(input),
      resourceId: input.resourceId,
      resourceType: input.resourceType,
    });
    this.run(() => this.writeArchive(archive));
    return archive;
  }

  private async writeArchive(archive: ArchiveRecord): Promise<void> {
    this.repo.setArchiveStatus(archive.id, "processing");
    const tmp = archiveTempDir(this.root, archive.id);
    try {
      await fsp.rm(tmp, { recursive: true, force: true });
      await fsp.mkdir(tmp, { recursive: true });
      // A consistent snapshot of the whole store while the server keeps serving: SQLite's online backup restarts
      // a step when another connection writes, and this connection's own writes go to the copy as well.
      await this.app.db.backup(path.join(tmp, DATA_FILE), { progress: () => BACKUP_PAGES_PER_STEP });
      if (this.app.config.backupFault === "kill-during-backup") process.kill(process.pid, "SIGKILL");
      if (this.filesRoot && archive.services.includes("storage")) {
        const buckets =
          archive.resourceType === "bucket" && archive.resourceId ? [archive.resourceId] : archive.resources;
        for (const bucket of buckets) {
          await copyBucketFiles(path.join(this.filesRoot, bucket), path.join(tmp, "files", bucket));
        }
      }
      const size = await directorySize(tmp);
      if (!this.repo.getArchive(archive.id)) {
        // Deleted while it was being written.
        await fsp.rm(tmp, { recursive: true, force: true });
        return;
      }
      await fsp.rename(tmp, archiveDir(this.root, archive.id));
      await syncDir(this.root);
      this.repo.setArchiveStatus(archive.id, "completed", { size });
    } catch (err) {
      await fsp.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      this.repo.setArchiveStatus(archive.id, "failed", { error: err instanceof Error ? err.message : String(err) });
    }
  }

  async deleteArchive(archive: ArchiveRecord): Promise<void> {
    this.repo.deleteArchive(archive.id);
    await fsp.rm(archiveDir(this.root, archive.id), { recursive: true, force: true });
  }

  startRestoration(
    archive: ArchiveRecord,
    services: string[],
    options: RestorationRecord["options"],
  ): RestorationRecord {
    const restoration = this.repo.insertRestoration({
      id: uniqueId(),
      archiveId: archive.id,
      policyId: archive.policyId,
      services,
      resources: options.newResourceId ? [options.newResourceId] : archive.resources,
      options,
    });
    this.run(() => {
      const next = this.restoreQueue.then(() => this.restore(restoration, archive));
      this.restoreQueue = next.catch(() => undefined);
      return next;
    });
    return restoration;
  }

  private async restore(restoration: RestorationRecord, archive: ArchiveRecord): Promise<void> {
    const { db } = this.app;
    this.repo.setRestorationStatus(restoration.id, "processing");
    const dir = archiveDir(this.root, archive.id);
    const staged: Array<{ bucket: string; files: string[] }> = [];
    let attached = false;
    try {
      const dataFile = path.join(dir, DATA_FILE);
      if (!fs.existsSync(dataFile)) throw new Error("The archive's files are missing.");
      db.prepare("ATTACH DATABASE ? AS arc").run(dataFile);
      attached = true;
      const rename = (id: string) => restoration.options.newResourceId ?? id;
      const single = archive.resourceId ? { id: archive.resourceId, type: archive.resourceType } : null;
      const databases = restoration.services.some((s) => DATABASE_SERVICES.has(s))
        ? single
          ? single.type === "database"
            ? [single.id]
            : []
          : archivedDatabaseIds(db)
        : [];
      const buckets = restoration.services.includes("storage")
        ? single
          ? single.type === "bucket"
            ? [single.id]
            : []
          : archivedBucketIds(db)
        : [];
      // File bytes are staged next to the live ones first (copying is the slow part and may fail), so the move into
      // place after the commit is a rename.
      if (this.filesRoot) {
        for (const bucket of buckets) {
          const files = await copyBucketFiles(
            path.join(dir, "files", bucket),
            this.stagingDir(restoration.id, rename(bucket)),
          );
          await fsp.mkdir(this.stagingDir(restoration.id, rename(bucket)), { recursive: true });
          staged.push({ bucket, files });
        }
      }
      db.transaction(() => {
        for (const id of databases) {
          restoreDatabase(db, this.tables.catalog, id, rename(id), restoration.options.newResourceName);
          if (this.app.config.backupFault === "kill-during-restore") process.kill(process.pid, "SIGKILL");
        }
        for (const bucket of buckets) {
          const files = this.filesRoot ? (staged.find((s) => s.bucket === bucket)?.files ?? []) : null;
          restoreBucket(db, bucket, rename(bucket), files);
        }
        this.repo.setRestorationStatus(restoration.id, "processing", { applied: true });
      })();
    } catch (err) {
      // The transaction rolled back; the catalog's in-memory mirror may hold what it did, so it re-reads SQLite.
      this.tables.catalog.reload();
      await this.removeStaging(restoration.id);
      this.repo.setRestorationStatus(restoration.id, "failed", {
        error: err instanceof Error ? err.message : String(err),
      });
      return;
    } finally {
      if (attached) db.prepare("DETACH DATABASE arc").run();
    }
    await this.finishRestoration(restoration.id);
  }

  /** The part after the commit: file bytes into place, then `completed`. */
  private async finishRestoration(id: string): Promise<void> {
    try {
      await this.moveStagedFiles(id);
      this.repo.setRestorationStatus(id, "completed");
    } catch (err) {
      // The rows are restored but some bytes are not in place: not presented as done. A restart retries the move.
      this.repo.setRestorationStatus(id, "failed", {
        error: `File bytes could not be moved into place: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }

  private stagingDir(restorationId: string, bucket: string): string {
    return path.join(this.filesRoot ?? this.root, `.restore-${restorationId}-${bucket}`);
  }

  private stagedBuckets(restorationId: string): string[] {
    if (!this.filesRoot || !fs.existsSync(this.filesRoot)) return [];
    const prefix = `.restore-${restorationId}-`;
    return fs
      .readdirSync(this.filesRoot)
      .filter((n) => n.startsWith(prefix))
      .map((n) => n.slice(prefix.length));
  }

  private async removeStaging(restorationId: string): Promise<void> {
    for (const bucket of this.stagedBuckets(restorationId)) {
      await fsp.rm(this.stagingDir(restorationId, bucket), { recursive: true, force: true });
    }
  }

  /** Swaps each staged bucket directory in for the live one. Safe to repeat after a crash part-way. */
  private async moveStagedFiles(restorationId: string): Promise<void> {
    const buckets = this.stagedBuckets(restorationId);
    if (!this.filesRoot || buckets.length === 0) return;
    for (const bucket of buckets) {
      const live = path.join(this.filesRoot, bucket);
      const old = path.join(this.filesRoot, `.old-${restorationId}-${bucket}`);
      if (fs.existsSync(live) && !fs.existsSync(old)) await fsp.rename(live, old);
      await fsp.rename(this.stagingDir(restorationId, bucket), live);
      await fsp.rm(old, { recursive: true, force: true });
    }
    await syncDir(this.filesRoot);
  }

  /**
   * After a restart: a job that was running when the process died is failed (an archive never completed; a
   * restoration whose transaction never committed was rolled back by SQLite), and a restoration that committed
   * but had not moved its files yet finishes the move.
   */
  private recover(): void {
    for (const archive of this.repo.listArchives()) {
      if (archive.status !== "pending" && archive.status !== "processing") continue;
      fs.rmSync(archiveTempDir(this.root, archive.id), { recursive: true, force: true });
      this.repo.setArchiveStatus(archive.id, "failed", { error: INTERRUPTED });
    }
    for (const r of this.repo.listRestorations()) {
      if (r.status === "completed") continue;
      if (r.applied) {
        this.run(() => this.finishRestoration(r.id));
      } else if (r.status !== "failed") {
        for (const bucket of this.stagedBuckets(r.id))
          fs.rmSync(this.stagingDir(r.id, bucket), { recursive: true, force: true });
        this.repo.setRestorationStatus(r.id, "failed", { error: `${INTERRUPTED} Nothing was restored.` });
      }
    }
  }
}

/**
 * Pages copied per step of the online backup (-1 = all at once). Small steps let requests interleave with a large
 * backup; better-sqlite3 yields to the event loop between steps.
 */
const BACKUP_PAGES_PER_STEP = 1000;
