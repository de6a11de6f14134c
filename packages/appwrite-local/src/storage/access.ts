// Bucket- and file-level authorization (Appwrite Storage/Http/Buckets/Files/*.php): a caller may act on a file if
// the bucket grants it, or — when the bucket has fileSecurity — if the file itself does. API keys bypass all of it.
import type { RequestContext } from "../http/router.ts";
import { AppwriteError } from "../errors.ts";
import { authorizationError, isAllowed, type PermissionAction } from "../auth/permissions.ts";
import type { StorageService } from "./service.ts";
import type { BucketRecord } from "./bucket-repo.ts";
import type { FileRecord } from "./file-repo.ts";

export function bucketNotFound(): AppwriteError {
  return new AppwriteError(404, "storage_bucket_not_found", "Storage bucket with the requested ID could not be found.");
}

export function fileNotFound(): AppwriteError {
  return new AppwriteError(404, "storage_file_not_found", "The requested file could not be found.");
}

/** A disabled bucket is invisible to everyone but API keys. */
export function loadBucket(ctx: RequestContext, service: StorageService, bucketId: string): BucketRecord {
  const bucket = service.buckets.get(bucketId);
  if (!bucket || (!bucket.enabled && ctx.principal.kind !== "key")) throw bucketNotFound();
  return bucket;
}

/**
 * Whether the bucket grants `action` outright. Without fileSecurity a refusal here is final (401); with it, the
 * caller falls back to the file's own permissions, which the caller checks.
 */
export function bucketGrants(ctx: RequestContext, bucket: BucketRecord, action: PermissionAction): boolean {
  const granted = isAllowed(ctx.principal, bucket.permissions, action);
  if (!granted && !bucket.fileSecurity) throw authorizationError(ctx.principal, bucket.permissions, action);
  return granted;
}

/** A file the caller may read; an unreadable file under fileSecurity looks missing (404), like Appwrite. */
export function loadReadableFile(
  ctx: RequestContext,
  service: StorageService,
  bucket: BucketRecord,
  fileId: string,
): FileRecord {
  const byBucket = bucketGrants(ctx, bucket, "read");
  const file = service.files.get(bucket.id, fileId);
  if (!file || (!byBucket && !isAllowed(ctx.principal, file.permissions, "read"))) throw fileNotFound();
  return file;
}

/** A file the caller may update or delete: existence is checked before permission (read access is not needed). */
export function loadWritableFile(
  ctx: RequestContext,
  service: StorageService,
  bucket: BucketRecord,
  fileId: string,
  action: "update" | "delete",
): FileRecord {
  const byBucket = bucketGrants(ctx, bucket, action);
  const file = service.files.get(bucket.id, fileId);
  if (!file) throw fileNotFound();
  if (!byBucket && !isAllowed(ctx.principal, file.permissions, action))
    throw authorizationError(ctx.principal, file.permissions, action);
  return file;
}

/** Who may receive a realtime event about `file`: bucket readers, plus file readers under fileSecurity. */
export function fileEventRoles(bucket: BucketRecord, file: FileRecord): string[] {
  const roles = (perms: readonly string[]) =>
    perms.flatMap((p) => {
      const m = /^read\("(.+)"\)$/.exec(p);
      return m ? [m[1]!] : [];
    });
  return [...new Set([...roles(bucket.permissions), ...(bucket.fileSecurity ? roles(file.permissions) : [])])];
}
