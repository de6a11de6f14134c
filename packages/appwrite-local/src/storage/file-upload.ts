// POST /v1/storage/buckets/:bucketId/files — uploads, including the SDKs' chunked uploads (Appwrite
// Storage/Http/Buckets/Files/Create.php): files over 5 MB arrive as 5 MB chunks, the first alone and the rest up to
// 8 at a time in any order, each with `Content-Range` and (after the first) `X-Appwrite-ID`. The file row exists
// from the first chunk with `chunksUploaded` counting up; when the last chunk lands the parts are assembled, the
// row completed and the `create` event published. The response that completes the upload carries
// chunksUploaded == chunksTotal, which is what the SDKs wait for.
import path from "node:path";
import { assertSafeKey } from "../http/safe-keys.ts";
import type { Router, RequestContext } from "../http/router.ts";
import type { App } from "../app.ts";
import { AppwriteError } from "../errors.ts";
import { requireScope } from "../auth/require-scope.ts";
import {
  assertGrantable,
  authorizationError,
  defaultOwnerPermissions,
  isAllowed,
  permissionsParam,
} from "../auth/permissions.ts";
import { formatDate } from "../time.ts";
import { customIdParam, uidParam } from "../account/params.ts";
import { ID_PATTERN } from "../account/ids.ts";
import { isUniqueViolation } from "../account/user-repo.ts";
import { CHUNK_SIZE, READ_BUFFER, type StorageService } from "./service.ts";
import type { BucketRecord } from "./bucket-repo.ts";
import type { FileRecord } from "./file-repo.ts";
import { multipartBoundary, parseMultipart, type MultipartFile } from "./multipart.ts";
import { invalidContentRange, parseContentRange } from "./ranges.ts";
import { detectMimeType } from "./mime.ts";
import { fileNotFound, loadBucket } from "./access.ts";
import { fileModel } from "./models.ts";
import { publishFileEvent } from "./file-events.ts";

function alreadyExists(): AppwriteError {
  return new AppwriteError(409, "storage_file_already_exists", "A storage file with the requested ID already exists.");
}

interface UploadForm {
  fields: Record<string, unknown>;
  file: MultipartFile | undefined;
}

function readForm(ctx: RequestContext): UploadForm {
  const boundary = multipartBoundary(ctx.contentType);
  if (!boundary) return { fields: ctx.body, file: undefined };
  const { fields, files } = parseMultipart(ctx.rawBody, boundary);
  const out = Object.create(null) as Record<string, unknown>;
  for (const [name, values] of fields) {
    assertSafeKey("multipart field", name.endsWith("[]") ? name.slice(0, -2) : name);
    // The SDKs send arrays as repeated `name[]` fields.
    if (name.endsWith("[]")) out[name.slice(0, -2)] = values;
    else out[name] = values[values.length - 1];
  }
  return { fields: out, file: files.find((f) => f.field === "file") ?? files[0] };
}

function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function registerFileUpload(router: Router, app: App, service: StorageService): void {
  router.post("/v1/storage/buckets/:bucketId/files", async (ctx) => {
    requireScope(ctx, "files.write");
    const bucketId = uidParam(ctx.params.bucketId, "bucketId");
    const form = readForm(ctx);
    let fileId = customIdParam(form.fields, "fileId");
    const requested = permissionsParam(form.fields.permissions, ["read", "update", "delete"]);

    const bucket = loadBucket(ctx, service, bucketId);
    if (!isAllowed(ctx.principal, bucket.permissions, "create"))
      throw authorizationError(ctx.principal, bucket.permissions, "create");
    const permissions = requested ?? defaultOwnerPermissions(ctx.principal, ["read", "update", "delete"]);
    assertGrantable(ctx.principal, permissions);

    const upload = form.file;
    if (!upload) throw new AppwriteError(400, "storage_file_empty", "Empty file passed to the endpoint.");

    const rangeHeader = header(ctx, "content-range");
    let size = upload.data.length;
    let part = 1;
    let parts = 1;
    if (rangeHeader) {
      const range = parseContentRange(rangeHeader);
      fileId = header(ctx, "x-appwrite-id") ?? fileId;
      if (!ID_PATTERN.test(fileId)) {
        throw new AppwriteError(
          400,
          "storage_invalid_appwrite_id",
          "The value for x-appwrite-id header is invalid. Please check the value of the x-appwrite-id header is a valid id and not unique().",
        );
      }
      // Stricter than Appwrite, which trusts the header: a chunk must be exactly the bytes its range names.
      if (range.end - range.start + 1 !== upload.data.length) throw invalidContentRange();
      size = range.size;
      parts = Math.max(1, Math.ceil(size / CHUNK_SIZE));
      part = Math.floor(range.start / CHUNK_SIZE) + 1;
      if (part > parts) throw invalidContentRange();
    }

    const ext = path.extname(upload.filename).slice(1).toLowerCase();
    if (bucket.allowedFileExtensions.length > 0 && !bucket.allowedFileExtensions.includes(ext)) {
      throw new AppwriteError(400, "storage_file_type_unsupported", "File extension not allowed");
    }
    if (size > bucket.maximumFileSize)
      throw new AppwriteError(400, "storage_invalid_file_size", "File size not allowed");

    let file = service.files.get(bucket.id, fileId);
    if (file && file.chunksUploaded >= file.chunksTotal) {
      // A retried chunk of a finished upload gets the file back; a plain re-upload is a conflict.
      if (!rangeHeader) throw alreadyExists();
      return { status: 200, body: fileModel(file) };
    }
    if (!file)
      file = startUpload(
        service,
        bucket,
        { id: fileId, name: upload.filename, permissions, size, parts },
        !!rangeHeader,
      );

    await service.blobs.writePart(bucket.id, file.id, part, upload.data);
    // No await from here until the upload is marked as finalizing, so exactly one request completes it even
    // when chunks arrive in parallel.
    const current = service.files.get(bucket.id, file.id);
    if (!current) throw fileNotFound();
    const key = `${bucket.id}/${file.id}`;
    if (current.chunksUploaded >= current.chunksTotal || service.finalizing.has(key))
      return { status: 200, body: fileModel(current) };
    const uploaded = service.files.addPart(bucket.id, file.id, part);
    if (uploaded < current.chunksTotal) {
      return { status: 201, body: fileModel(service.files.save({ ...current, chunksUploaded: uploaded })) };
    }
    service.finalizing.add(key);
    try {
      const done = await finishUpload(service, bucket, current, upload);
      publishFileEvent(app, "create", bucket, done);
      return { status: 201, body: fileModel(done) };
    } finally {
      service.finalizing.delete(key);
    }
  });
}

function startUpload(
  service: StorageService,
  bucket: BucketRecord,
  f: { id: string; name: string; permissions: string[]; size: number; parts: number },
  chunked: boolean,
): FileRecord {
  const now = formatDate();
  const small = f.size <= READ_BUFFER;
  try {
    return service.files.insert({
      bucketId: bucket.id,
      id: f.id,
      createdAt: now,
      updatedAt: now,
      permissions: f.permissions,
      name: f.name,
      signature: "",
      mimeType: "",
      sizeOriginal: f.size,
      sizeActual: 0,
      chunksTotal: f.parts,
      chunksUploaded: 0,
      // Echoed like Appwrite reports them; the emulator stores bytes as they are.
      encryption: bucket.encryption && small,
      compression: small ? bucket.compression : "none",
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Two chunks of one upload may race to create the row; a second plain upload with the same ID may not.
    const existing = service.files.get(bucket.id, f.id);
    if (!chunked || !existing) throw alreadyExists();
    return existing;
  }
}

async function finishUpload(
  service: StorageService,
  bucket: BucketRecord,
  file: FileRecord,
  upload: MultipartFile,
): Promise<FileRecord> {
  try {
    const blob = await service.blobs.finalize(bucket.id, file.id, file.chunksTotal);
    service.files.clearParts(bucket.id, file.id);
    const current = service.files.get(bucket.id, file.id) ?? file;
    return service.files.save({
      ...current,
      signature: blob.md5,
      mimeType: detectMimeType(blob.head, file.name, upload.contentType),
      sizeOriginal: blob.size,
      sizeActual: blob.size,
      chunksUploaded: file.chunksTotal,
      updatedAt: formatDate(),
    });
  } catch (err) {
    // Leave no half-registered file behind: the client can retry the upload from scratch.
    service.files.delete(bucket.id, file.id);
    await service.blobs.delete(bucket.id, file.id);
    throw err;
  }
}
