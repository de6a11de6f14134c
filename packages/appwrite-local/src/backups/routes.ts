// /v1/backups: policies, archives and restorations, as node-appwrite 27.1's Backups service calls them (API key
// only: guests and session users lack the `backups.*` scopes). docs/appwrite-protocol.md "Backups".
import type { Router, RequestContext } from "../http/router.ts";
import { AppwriteError, errors } from "../errors.ts";
import { requireScope } from "../auth/require-scope.ts";
import {
  booleanParam,
  customIdParam,
  integerParam,
  queriesParam,
  stringArrayParam,
  textParam,
  uidParam,
} from "../account/params.ts";
import { runListQuery, type AttributeType } from "../account/list-query.ts";
import { isUniqueViolation } from "../account/user-repo.ts";
import { tdbErrors } from "../tablesdb/tablesdb-errors.ts";
import { bucketNotFound } from "../storage/access.ts";
import type { StorageService } from "../storage/service.ts";
import type { TablesDbServices } from "../tablesdb/services.ts";
import { DATABASE_SERVICES, SUPPORTED_SERVICES, type BackupService } from "./service.ts";
import { archiveModel, policyModel, restorationModel, type ResourceType } from "./repo.ts";
import { isValidSchedule } from "./scheduler.ts";

const ALL_SERVICES = [
  "databases",
  "tablesdb",
  "documentsdb",
  "vectorsdb",
  "dedicatedDatabases",
  "functions",
  "storage",
];
const MAX_RETENTION_DAYS = 3650;

const notFound = (what: "policy" | "archive" | "restoration") =>
  new AppwriteError(404, `backup_${what}_not_found`, `Backup ${what} with the requested ID could not be found.`);

function servicesParam(ctx: RequestContext): string[] {
  const services = stringArrayParam(ctx.body, "services", { maxItems: ALL_SERVICES.length, maxLength: 64 });
  const desc = `Value must be one of (${ALL_SERVICES.join(", ")})`;
  if (services.length === 0) throw errors.argumentInvalid("services", desc);
  for (const s of services) {
    if (!ALL_SERVICES.includes(s)) throw errors.argumentInvalid("services", desc);
    if (!SUPPORTED_SERVICES.has(s)) {
      throw errors.argumentInvalid("services", `The local server backs up databases, tablesdb and storage, not ${s}.`);
    }
  }
  return [...new Set(services)];
}

function list<T extends { id: string; seq: number }>(
  ctx: RequestContext,
  records: T[],
  label: string,
  attributes: Record<string, AttributeType>,
  toDoc: (r: T) => Record<string, unknown>,
) {
  const docs = records.map((r) => ({ ...toDoc(r), $id: r.id, $sequence: r.seq, record: r }));
  return runListQuery(docs, queriesParam(ctx.query), "", true, {
    label,
    attributes,
    searchText: (d) => d.$id,
  });
}

export function registerBackupRoutes(
  router: Router,
  service: BackupService,
  tables: TablesDbServices,
  storage: StorageService,
): void {
  /** Checks a single-resource target exists and names its type (a database for databases/tablesdb, else a bucket). */
  const resourceParam = (ctx: RequestContext, services: string[]): { id: string; type: ResourceType } | null => {
    const id = textParam(ctx.body, "resourceId", { max: 36, optional: true });
    if (id === undefined || id === "") return null;
    uidParam(id, "resourceId");
    const databases = services.some((s) => DATABASE_SERVICES.has(s));
    if (databases && services.includes("storage")) {
      throw errors.argumentInvalid("resourceId", "A single resource is backed up by one service at a time.");
    }
    if (databases) {
      if (!tables.catalog.getDatabase(id)) throw tdbErrors.databaseNotFound(id);
      return { id, type: "database" };
    }
    if (!storage.buckets.get(id)) throw bucketNotFound();
    return { id, type: "bucket" };
  };
  const loadPolicy = (ctx: RequestContext) => {
    const p = service.repo.getPolicy(uidParam(ctx.params.policyId, "policyId"));
    if (!p) throw notFound("policy");
    return p;
  };
  const loadArchive = (ctx: RequestContext, id = ctx.params.archiveId) => {
    const a = service.repo.getArchive(uidParam(id, "archiveId"));
    if (!a) throw notFound("archive");
    return a;
  };
  const scheduleParam = (ctx: RequestContext, fallback?: string): string => {
    const schedule = textParam(ctx.body, "schedule", { max: 256, optional: fallback !== undefined }) ?? fallback!;
    if (!isValidSchedule(schedule)) throw errors.argumentInvalid("schedule", "String must be a valid cron expression");
    return schedule;
  };
  const retentionParam = (ctx: RequestContext, fallback?: number) =>
    integerParam(ctx.body, "retention", { min: 1, max: MAX_RETENTION_DAYS, fallback });

  // ---- policies ----

  router.post("/v1/backups/policies", (ctx) => {
    requireScope(ctx, "backups.write");
    const id = customIdParam(ctx.body, "policyId");
    const services = servicesParam(ctx);
    const resource = resourceParam(ctx, services);
    try {
      const policy = service.repo.insertPolicy({
        id,
        name: textParam(ctx.body, "name", { max: 128, optional: true }) ?? "",
        services,
        resourceId: resource?.id ?? null,
        resourceType: resource?.type ?? null,
        retention: retentionParam(ctx),
        schedule: scheduleParam(ctx),
        enabled: booleanParam(ctx.body, "enabled", true),
      });
      return { status: 201, body: policyModel(policy) };
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppwriteError(
          409,
          "backup_policy_already_exists",
          "A backup policy with the requested ID already exists.",
        );
      }
      throw err;
    }
  });

  router.get("/v1/backups/policies", (ctx) => {
    requireScope(ctx, "backups.read");
    const { items, total } = list(
      ctx,
      service.repo.listPolicies(),
      "Policy",
      { name: "string", enabled: "boolean", retention: "integer", schedule: "string", resourceId: "string" },
      (p) => ({ ...policyModel(p), resourceId: p.resourceId ?? "" }),
    );
    return { status: 200, body: { total, policies: items.map((d) => policyModel(d.record)) } };
  });

  router.get("/v1/backups/policies/:policyId", (ctx) => {
    requireScope(ctx, "backups.read");
    return { status: 200, body: policyModel(loadPolicy(ctx)) };
  });

  router.patch("/v1/backups/policies/:policyId", (ctx) => {
    requireScope(ctx, "backups.write");
    const policy = loadPolicy(ctx);
    const updated = service.repo.updatePolicy(policy.id, {
      name: textParam(ctx.body, "name", { max: 128, optional: true }) ?? policy.name,
      retention: retentionParam(ctx, policy.retention),
      schedule: scheduleParam(ctx, policy.schedule),
      enabled: booleanParam(ctx.body, "enabled", policy.enabled),
    });
    return { status: 200, body: policyModel(updated) };
  });

  router.delete("/v1/backups/policies/:policyId", (ctx) => {
    requireScope(ctx, "backups.write");
    // The policy's archives stay (and stay restorable); only the schedule goes.
    service.repo.deletePolicy(loadPolicy(ctx).id);
    return { status: 204 };
  });

  // ---- archives ----

  router.post("/v1/backups/archives", (ctx) => {
    requireScope(ctx, "backups.write");
    const services = servicesParam(ctx);
    const resource = resourceParam(ctx, services);
    const archive = service.startArchive({
      services,
      resourceId: resource?.id ?? null,
      resourceType: resource?.type ?? null,
      policyId: "",
    });
    return { status: 202, body: archiveModel(archive) };
  });

  router.get("/v1/backups/archives", (ctx) => {
    requireScope(ctx, "backups.read");
    const { items, total } = list(
      ctx,
      service.repo.listArchives(),
      "Archive",
      { status: "string", policyId: "string", size: "integer", resourceId: "string", startedAt: "datetime" },
      (a) => ({ ...archiveModel(a), resourceId: a.resourceId ?? "" }),
    );
    return { status: 200, body: { total, archives: items.map((d) => archiveModel(d.record)) } };
  });

  router.get("/v1/backups/archives/:archiveId", (ctx) => {
    requireScope(ctx, "backups.read");
    return { status: 200, body: archiveModel(loadArchive(ctx)) };
  });

  router.delete("/v1/backups/archives/:archiveId", async (ctx) => {
    requireScope(ctx, "backups.write");
    await service.deleteArchive(loadArchive(ctx));
    return { status: 204 };
  });

  // ---- restorations (create is singular: POST /v1/backups/restoration, as the SDK calls it) ----

  router.post("/v1/backups/restoration", (ctx) => {
    requireScope(ctx, "backups.write");
    const archive = loadArchive(ctx, textParam(ctx.body, "archiveId", { max: 36 }));
    const services = servicesParam(ctx);
    const covered = (s: string) =>
      archive.services.includes(s) ||
      (DATABASE_SERVICES.has(s) && archive.services.some((a) => DATABASE_SERVICES.has(a)));
    if (!services.every(covered)) {
      throw errors.argumentInvalid("services", `The archive holds only (${archive.services.join(", ")}).`);
    }
    if (archive.status !== "completed") {
      throw new AppwriteError(400, "backup_archive_not_ready", `The archive is ${archive.status}, not completed.`);
    }
    let newResourceId: string | undefined;
    if (ctx.body.newResourceId !== undefined && ctx.body.newResourceId !== null) {
      if (!archive.resourceId) {
        throw errors.argumentInvalid(
          "newResourceId",
          "Only an archive of a single resource can be restored under a new ID.",
        );
      }
      newResourceId = customIdParam(ctx.body, "newResourceId");
      // A new ID never replaces what is there: only a restore under the resource's own ID overwrites (on purpose).
      const taken =
        archive.resourceType === "bucket"
          ? storage.buckets.get(newResourceId) !== null
          : tables.catalog.getDatabase(newResourceId) !== undefined;
      if (taken && newResourceId !== archive.resourceId) {
        throw archive.resourceType === "bucket"
          ? new AppwriteError(
              409,
              "storage_bucket_already_exists",
              "A storage bucket with the requested ID already exists.",
            )
          : new AppwriteError(409, "database_already_exists", "Database with the requested ID already exists.");
      }
    }
    const newResourceName = textParam(ctx.body, "newResourceName", { max: 128, optional: true });
    const restoration = service.startRestoration(archive, services, {
      ...(newResourceId !== undefined ? { newResourceId } : {}),
      ...(newResourceName !== undefined ? { newResourceName } : {}),
    });
    return { status: 202, body: restorationModel(restoration) };
  });

  router.get("/v1/backups/restorations", (ctx) => {
    requireScope(ctx, "backups.read");
    const { items, total } = list(
      ctx,
      service.repo.listRestorations(),
      "Restoration",
      { status: "string", archiveId: "string", policyId: "string", startedAt: "datetime" },
      restorationModel,
    );
    return { status: 200, body: { total, restorations: items.map((d) => restorationModel(d.record)) } };
  });

  router.get("/v1/backups/restorations/:restorationId", (ctx) => {
    requireScope(ctx, "backups.read");
    const r = service.repo.getRestoration(uidParam(ctx.params.restorationId, "restorationId"));
    if (!r) throw notFound("restoration");
    return { status: 200, body: restorationModel(r) };
  });
}
