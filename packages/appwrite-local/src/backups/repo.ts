// Rows of the backups tables and their Appwrite models (node-appwrite Models.BackupPolicy / BackupArchive /
// BackupRestoration). Each write is one statement, so it is committed before the route answers.
import type { Sqlite } from "../store.ts";
import { formatDate } from "../time.ts";

export type ArchiveStatus = "pending" | "processing" | "completed" | "failed";
export type RestorationStatus = "pending" | "processing" | "completed" | "failed";
/** What a single-resource policy or archive points at. */
export type ResourceType = "database" | "bucket";

export interface PolicyRecord {
  seq: number;
  id: string;
  name: string;
  services: string[];
  resourceId: string | null;
  resourceType: ResourceType | null;
  retention: number;
  schedule: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastRunAt: string | null;
}

export interface ArchiveRecord {
  seq: number;
  id: string;
  policyId: string;
  services: string[];
  resources: string[];
  resourceId: string | null;
  resourceType: ResourceType | null;
  status: ArchiveStatus;
  size: number;
  startedAt: string;
  error: string;
  createdAt: string;
  updatedAt: string;
}

export interface RestorationRecord {
  seq: number;
  id: string;
  archiveId: string;
  policyId: string;
  services: string[];
  resources: string[];
  status: RestorationStatus;
  startedAt: string;
  options: { newResourceId?: string; newResourceName?: string };
  error: string;
  applied: boolean;
  createdAt: string;
  updatedAt: string;
}

interface PolicyRow {
  seq: number;
  id: string;
  name: string;
  services: string;
  resource_id: string | null;
  resource_type: ResourceType | null;
  retention: number;
  schedule: string;
  enabled: number;
  created_at: string;
  updated_at: string;
  last_run_at: string | null;
}

interface ArchiveRow {
  seq: number;
  id: string;
  policy_id: string;
  services: string;
  resources: string;
  resource_id: string | null;
  resource_type: ResourceType | null;
  status: ArchiveStatus;
  size: number;
  started_at: string;
  error: string;
  created_at: string;
  updated_at: string;
}

interface RestorationRow {
  seq: number;
  id: string;
  archive_id: string;
  policy_id: string;
  services: string;
  resources: string;
  status: RestorationStatus;
  started_at: string;
  options: string;
  error: string;
  applied: number;
  created_at: string;
  updated_at: string;
}

const strings = (json: string) => JSON.parse(json) as string[];

function toPolicy(r: PolicyRow): PolicyRecord {
  return {
    seq: r.seq,
    id: r.id,
    name: r.name,
    services: strings(r.services),
    resourceId: r.resource_id,
    resourceType: r.resource_type,
    retention: r.retention,
    schedule: r.schedule,
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastRunAt: r.last_run_at,
  };
}

function toArchive(r: ArchiveRow): ArchiveRecord {
  return {
    seq: r.seq,
    id: r.id,
    policyId: r.policy_id,
    services: strings(r.services),
    resources: strings(r.resources),
    resourceId: r.resource_id,
    resourceType: r.resource_type,
    status: r.status,
    size: r.size,
    startedAt: r.started_at,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRestoration(r: RestorationRow): RestorationRecord {
  return {
    seq: r.seq,
    id: r.id,
    archiveId: r.archive_id,
    policyId: r.policy_id,
    services: strings(r.services),
    resources: strings(r.resources),
    status: r.status,
    startedAt: r.started_at,
    options: JSON.parse(r.options) as RestorationRecord["options"],
    error: r.error,
    applied: r.applied === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class BackupRepo {
  constructor(private readonly db: Sqlite) {}

  // ---- policies ----

  listPolicies(): PolicyRecord[] {
    return (this.db.prepare("SELECT * FROM _backup_policies ORDER BY seq").all() as PolicyRow[]).map(toPolicy);
  }

  getPolicy(id: string): PolicyRecord | undefined {
    const r = this.db.prepare("SELECT * FROM _backup_policies WHERE id = ?").get(id) as PolicyRow | undefined;
    return r && toPolicy(r);
  }

  insertPolicy(p: Omit<PolicyRecord, "seq" | "createdAt" | "updatedAt" | "lastRunAt">): PolicyRecord {
    const now = formatDate();
    this.db
      .prepare(
        `INSERT INTO _backup_policies (id, name, services, resource_id, resource_type, retention, schedule, enabled,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.id,
        p.name,
        JSON.stringify(p.services),
        p.resourceId,
        p.resourceType,
        p.retention,
        p.schedule,
        p.enabled ? 1 : 0,
        now,
        now,
      );
    return this.getPolicy(p.id)!;
  }

  updatePolicy(id: string, changes: { name: string; retention: number; schedule: string; enabled: boolean }) {
    this.db
      .prepare(
        "UPDATE _backup_policies SET name = ?, retention = ?, schedule = ?, enabled = ?, updated_at = ? WHERE id = ?",
      )
      .run(changes.name, changes.retention, changes.schedule, changes.enabled ? 1 : 0, formatDate(), id);
    return this.getPolicy(id)!;
  }

  setPolicyLastRun(id: string, at: string): void {
    this.db.prepare("UPDATE _backup_policies SET last_run_at = ? WHERE id = ?").run(at, id);
  }

  deletePolicy(id: string): void {
    this.db.prepare("DELETE FROM _backup_policies WHERE id = ?").run(id);
  }

  // ---- archives ----

  listArchives(): ArchiveRecord[] {
    return (this.db.prepare("SELECT * FROM _backup_archives ORDER BY seq").all() as ArchiveRow[]).map(toArchive);
  }

  getArchive(id: string): ArchiveRecord | undefined {
    const r = this.db.prepare("SELECT * FROM _backup_archives WHERE id = ?").get(id) as ArchiveRow | undefined;
    return r && toArchive(r);
  }

  insertArchive(a: Pick<ArchiveRecord, "id" | "policyId" | "services" | "resources" | "resourceId" | "resourceType">) {
    const now = formatDate();
    this.db
      .prepare(
        `INSERT INTO _backup_archives (id, policy_id, services, resources, resource_id, resource_type, status,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(
        a.id,
        a.policyId,
        JSON.stringify(a.services),
        JSON.stringify(a.resources),
        a.resourceId,
        a.resourceType,
        now,
        now,
      );
    return this.getArchive(a.id)!;
  }

  setArchiveStatus(id: string, status: ArchiveStatus, extra: { size?: number; error?: string } = {}): void {
    const now = formatDate();
    this.db
      .prepare(
        `UPDATE _backup_archives SET status = ?, updated_at = ?, size = COALESCE(?, size), error = COALESCE(?, error),
           started_at = CASE WHEN ? = 'processing' THEN ? ELSE started_at END WHERE id = ?`,
      )
      .run(status, now, extra.size ?? null, extra.error ?? null, status, now, id);
  }

  deleteArchive(id: string): void {
    this.db.prepare("DELETE FROM _backup_archives WHERE id = ?").run(id);
  }

  // ---- restorations ----

  listRestorations(): RestorationRecord[] {
    return (this.db.prepare("SELECT * FROM _backup_restorations ORDER BY seq").all() as RestorationRow[]).map(
      toRestoration,
    );
  }

  getRestoration(id: string): RestorationRecord | undefined {
    const r = this.db.prepare("SELECT * FROM _backup_restorations WHERE id = ?").get(id) as RestorationRow | undefined;
    return r && toRestoration(r);
  }

  insertRestoration(
    r: Pick<RestorationRecord, "id" | "archiveId" | "policyId" | "services" | "resources" | "options">,
  ): RestorationRecord {
    const now = formatDate();
    this.db
      .prepare(
        `INSERT INTO _backup_restorations (id, archive_id, policy_id, services, resources, status, options, created_at,
           updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
      )
      .run(
        r.id,
        r.archiveId,
        r.policyId,
        JSON.stringify(r.services),
        JSON.stringify(r.resources),
        JSON.stringify(r.options),
        now,
        now,
      );
    return this.getRestoration(r.id)!;
  }

  setRestorationStatus(id: string, status: RestorationStatus, extra: { error?: string; applied?: boolean } = {}) {
    const now = formatDate();
    this.db
      .prepare(
        `UPDATE _backup_restorations SET status = ?, updated_at = ?, error = COALESCE(?, error),
           applied = COALESCE(?, applied), started_at = CASE WHEN ? = 'processing' THEN ? ELSE started_at END
         WHERE id = ?`,
      )
      .run(
        status,
        now,
        extra.error ?? null,
        extra.applied === undefined ? null : extra.applied ? 1 : 0,
        status,
        now,
        id,
      );
  }
}

export function policyModel(p: PolicyRecord) {
  return {
    $id: p.id,
    name: p.name,
    $createdAt: p.createdAt,
    $updatedAt: p.updatedAt,
    services: p.services,
    resources: p.resourceId ? [p.resourceId] : [],
    ...(p.resourceId ? { resourceId: p.resourceId, resourceType: p.resourceType } : {}),
    retention: p.retention,
    schedule: p.schedule,
    // SQLite's online backup copies every page: each archive is a full snapshot.
    type: "full",
    enabled: p.enabled,
  };
}

export function archiveModel(a: ArchiveRecord) {
  return {
    $id: a.id,
    $createdAt: a.createdAt,
    $updatedAt: a.updatedAt,
    policyId: a.policyId,
    size: a.size,
    status: a.status,
    startedAt: a.startedAt,
    // Appwrite runs backups as migrations; the local server has none, so the archive stands for its own migration.
    migrationId: a.id,
    services: a.services,
    resources: a.resources,
    ...(a.resourceId ? { resourceId: a.resourceId, resourceType: a.resourceType } : {}),
  };
}

export function restorationModel(r: RestorationRecord) {
  return {
    $id: r.id,
    $createdAt: r.createdAt,
    $updatedAt: r.updatedAt,
    archiveId: r.archiveId,
    policyId: r.policyId,
    status: r.status,
    startedAt: r.startedAt,
    migrationId: r.id,
    services: r.services,
    resources: r.resources,
    options: JSON.stringify(r.options),
  };
}
