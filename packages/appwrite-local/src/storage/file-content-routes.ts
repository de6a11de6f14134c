// File bytes: view (inline), download (attachment) and preview (Appwrite Files/{View,Download,Preview}/Get.php),
// with single byte-range support on view and download.
import type { Router, RequestContext, HandlerResult } from "../http/router.ts";
import { AppwriteError } from "../errors.ts";
import { requireScope } from "../auth/require-scope.ts";
import { integerParam, uidParam } from "../account/params.ts";
import type { StorageService } from "./service.ts";
import type { FileRecord } from "./file-repo.ts";
import { fileNotFound, loadBucket, loadReadableFile } from "./access.ts";
import { parseByteRange } from "./ranges.ts";
import { PREVIEW_INPUT_TYPES, VIEWABLE_MIME_TYPES } from "./mime.ts";
import { placeholderPng } from "./placeholder-png.ts";

/** Node rejects header values outside latin1; such names get an RFC 5987 `filename*` instead of raw bytes. */
function disposition(kind: "inline" | "attachment", name: string): string {
  if (/^[\x20-\x7e]*$/.test(name) && !name.includes('"')) return `${kind}; filename="${name}"`;
  const fallback = name.replace(/[^\x20-\x7e]|"/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerFileContentRoutes(router: Router, service: StorageService): void {
  const readable = (ctx: RequestContext): FileRecord => {
    requireScope(ctx, "files.read");
    const bucket = loadBucket(ctx, service, uidParam(ctx.params.bucketId, "bucketId"));
    const file = loadReadableFile(ctx, service, bucket, uidParam(ctx.params.fileId, "fileId"));
    // An unfinished upload has no content yet.
    if (file.chunksUploaded < file.chunksTotal || service.finalizing.has(`${bucket.id}/${file.id}`)) throw fileNotFound();
    return file;
  };

  const read = async (file: FileRecord, range?: { start: number; end: number }): Promise<Buffer> => {
    try {
      return await service.blobs.read(file.bucketId, file.id, range);
    } catch (err) {
      // Bytes removed from disk behind the server's back: Appwrite answers "not found" too.
      if ((err as { code?: unknown }).code === "ENOENT") throw fileNotFound();
      throw err;
    }
  };

  const send = async (ctx: RequestContext, file: FileRecord, contentType: string, headers: Record<string, string>): Promise<HandlerResult> => {
    const rangeHeader = ctx.headers.range;
    if (typeof rangeHeader === "string" && rangeHeader !== "") {
      const range = parseByteRange(rangeHeader, file.sizeOriginal);
      const raw = await read(file, range);
      return {
        status: 206,
        raw,
        contentType,
        headers: { ...headers, "Accept-Ranges": "bytes", "Content-Range": `bytes ${range.start}-${range.end}/${file.sizeOriginal}` },
      };
    }
    return { status: 200, raw: await read(file), contentType, headers };
  };

  router.get("/v1/storage/buckets/:bucketId/files/:fileId/view", (ctx) => {
    const file = readable(ctx);
    // Only known media/document types are served as themselves, so an uploaded HTML/SVG file cannot run scripts.
    const contentType = VIEWABLE_MIME_TYPES.has(file.mimeType) ? file.mimeType : "text/plain";
    return send(ctx, file, contentType, {
      "Content-Security-Policy": "script-src none;",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": disposition("inline", file.name),
      "Cache-Control": "private, max-age=3888000",
    });
  });

  router.get("/v1/storage/buckets/:bucketId/files/:fileId/download", (ctx) => {
    const file = readable(ctx);
    return send(ctx, file, file.mimeType || "application/octet-stream", {
      "Content-Disposition": disposition("attachment", file.name),
      "Cache-Control": "private, max-age=3888000",
    });
  });

  router.get("/v1/storage/buckets/:bucketId/files/:fileId/preview", async (ctx) => {
    const width = integerParam(ctx.query, "width", { min: 0, max: 4000, fallback: 0 });
    const height = integerParam(ctx.query, "height", { min: 0, max: 4000, fallback: 0 });
    requireScope(ctx, "files.read");
    const bucket = loadBucket(ctx, service, uidParam(ctx.params.bucketId, "bucketId"));
    if (!bucket.transformations) {
      throw new AppwriteError(403, "storage_bucket_transformations_disabled", "Image transformations are disabled for the requested bucket.");
    }
    const file = readable(ctx);
    const headers = { "Cache-Control": "private, max-age=2592000" };
    // No image codecs without native dependencies: images come back unresized, in their own format.
    if (PREVIEW_INPUT_TYPES.has(file.mimeType)) {
      return { status: 200, raw: await read(file), contentType: file.mimeType, headers };
    }
    return { status: 200, raw: placeholderPng(width || 150, height || 150), contentType: "image/png", headers };
  });
}
