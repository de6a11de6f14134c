// /v1/storage/buckets: bucket CRUD (API key only: guests and session users lack the `buckets.*` scopes).
import type { Router, RequestContext } from "../http/router.ts";
import { AppwriteError, errors } from "../errors.ts";
import { requireScope } from "../auth/require-scope.ts";
import { permissionsParam } from "../auth/permissions.ts";
import { formatDate } from "../time.ts";
import {
  booleanParam,
  customIdParam,
  integerParam,
  queriesParam,
  stringArrayParam,
  textParam,
  uidParam,
} from "../account/params.ts";
import { runListQuery, type ListDoc } from "../account/list-query.ts";
import { isUniqueViolation } from "../account/user-repo.ts";
import { STORAGE_LIMIT, type StorageService } from "./service.ts";
import type { BucketRecord } from "./bucket-repo.ts";
import { bucketModel } from "./models.ts";
import { bucketNotFound } from "./access.ts";

const BUCKET_QUERY_ATTRIBUTES = {
  enabled: "boolean",
  name: "string",
  fileSecurity: "boolean",
  maximumFileSize: "integer",
  encryption: "boolean",
  antivirus: "boolean",
  transformations: "boolean",
} as const;

const COMPRESSIONS = ["none", "gzip", "zstd"];

/** The settings create and update share; on update, omitted ones reset to their defaults, as Appwrite's PUT does. */
function settings(ctx: RequestContext) {
  const compression = ctx.body.compression ?? "none";
  if (typeof compression !== "string" || !COMPRESSIONS.includes(compression)) {
    throw errors.argumentInvalid("compression", `Value must be one of (${COMPRESSIONS.join(", ")})`);
  }
  return {
    name: textParam(ctx.body, "name", { max: 128 })!,
    permissions: permissionsParam(ctx.body.permissions),
    fileSecurity: booleanParam(ctx.body, "fileSecurity", false),
    enabled: booleanParam(ctx.body, "enabled", true),
    maximumFileSize: integerParam(ctx.body, "maximumFileSize", { min: 1, max: STORAGE_LIMIT, fallback: STORAGE_LIMIT }),
    allowedFileExtensions: stringArrayParam(ctx.body, "allowedFileExtensions", {
      maxItems: 100,
      maxLength: 64,
      fallback: [],
    }),
    compression,
    encryption: booleanParam(ctx.body, "encryption", true),
    antivirus: booleanParam(ctx.body, "antivirus", true),
    transformations: booleanParam(ctx.body, "transformations", true),
  };
}

export function registerBucketRoutes(router: Router, service: StorageService): void {
  const model = (b: BucketRecord) => bucketModel(b, service.buckets.totalSize(b.id));
  const load = (ctx: RequestContext) => {
    const bucket = service.buckets.get(uidParam(ctx.params.bucketId, "bucketId"));
    if (!bucket) throw bucketNotFound();
    return bucket;
  };

  router.post("/v1/storage/buckets", (ctx) => {
    requireScope(ctx, "buckets.write");
    const id = customIdParam(ctx.body, "bucketId");
    const { permissions, ...rest } = settings(ctx);
    const now = formatDate();
    try {
      const bucket = service.buckets.insert({
        id,
        createdAt: now,
        updatedAt: now,
        permissions: permissions ?? [],
        ...rest,
      });
      return { status: 201, body: model(bucket) };
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppwriteError(
          409,
          "storage_bucket_already_exists",
          "A storage bucket with the requested ID already exists. Try again with a different ID or use ID.unique() to generate a unique ID.",
        );
      }
      throw err;
    }
  });

  router.get("/v1/storage/buckets", (ctx) => {
    requireScope(ctx, "buckets.read");
    const search = textParam(ctx.query, "search", { max: 256, optional: true }) ?? "";
    const docs = service.buckets.list().map((b): ListDoc & { bucket: BucketRecord } => ({
      $id: b.id,
      $sequence: b.seq,
      $createdAt: b.createdAt,
      $updatedAt: b.updatedAt,
      enabled: b.enabled,
      name: b.name,
      fileSecurity: b.fileSecurity,
      maximumFileSize: b.maximumFileSize,
      encryption: b.encryption,
      antivirus: b.antivirus,
      transformations: b.transformations,
      bucket: b,
    }));
    const { items, total } = runListQuery(
      docs,
      queriesParam(ctx.query),
      search,
      booleanParam(ctx.query, "total", true),
      {
        label: "Bucket",
        attributes: BUCKET_QUERY_ATTRIBUTES,
        searchText: (d) => `${d.bucket.id} ${d.bucket.name}`,
      },
    );
    return { status: 200, body: { total, buckets: items.map((d) => model(d.bucket)) } };
  });

  router.get("/v1/storage/buckets/:bucketId", (ctx) => {
    requireScope(ctx, "buckets.read");
    return { status: 200, body: model(load(ctx)) };
  });

  router.put("/v1/storage/buckets/:bucketId", (ctx) => {
    requireScope(ctx, "buckets.write");
    const bucket = load(ctx);
    const { permissions, ...rest } = settings(ctx);
    const saved = service.buckets.save({
      ...bucket,
      ...rest,
      permissions: permissions ?? bucket.permissions,
      updatedAt: formatDate(),
    });
    return { status: 200, body: model(saved) };
  });

  router.delete("/v1/storage/buckets/:bucketId", async (ctx) => {
    requireScope(ctx, "buckets.write");
    const bucket = load(ctx);
    // File rows go with the bucket (ON DELETE CASCADE); Appwrite deletes the files in a background worker.
    service.buckets.delete(bucket.id);
    service.files.clearBucketParts(bucket.id);
    await service.blobs.deleteBucket(bucket.id);
    return { status: 204 };
  });
}
