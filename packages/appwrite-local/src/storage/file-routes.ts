// /v1/storage/buckets/:bucketId/files[/:fileId]: list, get, update (name, permissions) and delete.
import type { Router, RequestContext } from "../http/router.ts";
import type { App } from "../app.ts";
import { requireScope } from "../auth/require-scope.ts";
import { assertGrantable, isAllowed, permissionsParam } from "../auth/permissions.ts";
import { formatDate } from "../time.ts";
import { booleanParam, queriesParam, textParam, uidParam } from "../account/params.ts";
import { runListQuery, type ListDoc } from "../account/list-query.ts";
import type { StorageService } from "./service.ts";
import type { FileRecord } from "./file-repo.ts";
import { bucketGrants, loadBucket, loadReadableFile, loadWritableFile } from "./access.ts";
import { fileModel } from "./models.ts";
import { publishFileEvent } from "./file-events.ts";

const FILE_QUERY_ATTRIBUTES = {
  name: "string",
  folder: "string",
  signature: "string",
  mimeType: "string",
  sizeOriginal: "integer",
  chunksTotal: "integer",
  chunksUploaded: "integer",
} as const;

function toDoc(f: FileRecord): ListDoc & { file: FileRecord } {
  return {
    $id: f.id,
    $sequence: f.seq,
    $createdAt: f.createdAt,
    $updatedAt: f.updatedAt,
    name: f.name,
    folder: "",
    signature: f.signature,
    mimeType: f.mimeType,
    sizeOriginal: f.sizeOriginal,
    chunksTotal: f.chunksTotal,
    chunksUploaded: f.chunksUploaded,
    file: f,
  };
}

export function registerFileRoutes(router: Router, app: App, service: StorageService): void {
  const bucketOf = (ctx: RequestContext) => loadBucket(ctx, service, uidParam(ctx.params.bucketId, "bucketId"));
  const fileIdOf = (ctx: RequestContext) => uidParam(ctx.params.fileId, "fileId");

  router.get("/v1/storage/buckets/:bucketId/files", (ctx) => {
    requireScope(ctx, "files.read");
    const bucket = bucketOf(ctx);
    const byBucket = bucketGrants(ctx, bucket, "read");
    // Under fileSecurity without bucket-level read, the list (and its total) holds only files the caller may read.
    const visible = service.files
      .list(bucket.id)
      .filter((f) => byBucket || isAllowed(ctx.principal, f.permissions, "read"));
    const search = textParam(ctx.query, "search", { max: 256, optional: true }) ?? "";
    const { items, total } = runListQuery(
      visible.map(toDoc),
      queriesParam(ctx.query),
      search,
      booleanParam(ctx.query, "total", true),
      {
        label: "File",
        attributes: FILE_QUERY_ATTRIBUTES,
        searchText: (d) => `${d.file.id} ${d.file.name}`,
      },
    );
    return { status: 200, body: { total, files: items.map((d) => fileModel(d.file)) } };
  });

  router.get("/v1/storage/buckets/:bucketId/files/:fileId", (ctx) => {
    requireScope(ctx, "files.read");
    return { status: 200, body: fileModel(loadReadableFile(ctx, service, bucketOf(ctx), fileIdOf(ctx))) };
  });

  router.put("/v1/storage/buckets/:bucketId/files/:fileId", (ctx) => {
    requireScope(ctx, "files.write");
    const name = textParam(ctx.body, "name", { max: 128, optional: true });
    const permissions = permissionsParam(ctx.body.permissions, ["read", "update", "delete"]);
    const bucket = bucketOf(ctx);
    const file = loadWritableFile(ctx, service, bucket, fileIdOf(ctx), "update");
    if (permissions) assertGrantable(ctx.principal, permissions);
    const saved = service.files.save({
      ...file,
      name: name ?? file.name,
      permissions: permissions ?? file.permissions,
      updatedAt: formatDate(),
    });
    publishFileEvent(app, "update", bucket, saved);
    return { status: 200, body: fileModel(saved) };
  });

  router.delete("/v1/storage/buckets/:bucketId/files/:fileId", async (ctx) => {
    requireScope(ctx, "files.write");
    const bucket = bucketOf(ctx);
    const file = loadWritableFile(ctx, service, bucket, fileIdOf(ctx), "delete");
    service.files.delete(bucket.id, file.id);
    await service.blobs.delete(bucket.id, file.id);
    publishFileEvent(app, "delete", bucket, file);
    return { status: 204 };
  });
}
