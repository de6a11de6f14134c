// File bytes: view (inline), download (attachment) and preview (Appwrite Files/{View,Download,Preview}/Get.php),
// with single byte-range support on view and download.
import type { Router, RequestContext, HandlerResult } from "../http/router.ts";
import { AppwriteError } from "../errors.ts";
import { requireScope } from "../auth/require-scope.ts";
import { uidParam } from "../account/params.ts";
import { READ_BUFFER, type StorageService } from "./service.ts";
import type { FileRecord } from "./file-repo.ts";
import { fileNotFound, loadBucket, loadReadableFile } from "./access.ts";
import { parseByteRange } from "./ranges.ts";
import { PREVIEW_INPUT_TYPES, VIEWABLE_MIME_TYPES } from "./mime.ts";
import { fileIconPng, iconForMimeType } from "./file-icons.ts";
import { renderPreview } from "./image-preview.ts";
import { parsePreviewOptions, PREVIEW_OUTPUTS, rejectHeicOutput, resolveOutput } from "./preview-params.ts";

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
    if (file.chunksUploaded < file.chunksTotal || service.finalizing.has(`${bucket.id}/${file.id}`))
      throw fileNotFound();
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

  const send = async (
    ctx: RequestContext,
    file: FileRecord,
    contentType: string,
    headers: Record<string, string>,
  ): Promise<HandlerResult> => {
    const rangeHeader = ctx.headers.range;
    if (typeof rangeHeader === "string" && rangeHeader !== "") {
      const range = parseByteRange(rangeHeader, file.sizeOriginal);
      const raw = await read(file, range);
      return {
        status: 206,
        raw,
        contentType,
        headers: {
          ...headers,
          "Accept-Ranges": "bytes",
          "Content-Range": `bytes ${range.start}-${range.end}/${file.sizeOriginal}`,
        },
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

  router.get("/v1/storage/buckets/:bucketId/files/:fileId/preview", async (ctx): Promise<HandlerResult> => {
    requireScope(ctx, "files.read");
    const bucketId = uidParam(ctx.params.bucketId, "bucketId");
    uidParam(ctx.params.fileId, "fileId"); // validated in Appwrite's parameter order, before the query
    const opts = parsePreviewOptions(ctx.query);
    const bucket = loadBucket(ctx, service, bucketId);
    // API keys may transform images even where the bucket turns transformations off (as in Appwrite).
    if (!bucket.transformations && ctx.principal.kind !== "key") {
      throw new AppwriteError(
        403,
        "storage_bucket_transformations_disabled",
        "Image transformations are disabled for the requested bucket.",
      );
    }
    const file = readable(ctx);

    // Appwrite renders an icon instead of files that are not images it reads, or images above the preview limit,
    // and puts the icon on #eceff1 unless a background is asked for.
    const isImage = PREVIEW_INPUT_TYPES.has(file.mimeType);
    const icon = !isImage ? iconForMimeType(file.mimeType) : file.sizeOriginal > READ_BUFFER ? "image" : null;
    const output = icon ? opts.output || "png" : resolveOutput(opts.output, file.name, file.mimeType);
    rejectHeicOutput(output);
    const render = { ...opts, output, background: icon ? opts.background || "eceff1" : opts.background };

    const key = [bucket.id, file.id, file.createdAt, file.signature, ...Object.values(render)].join("|");
    const cached = service.previews.get(key);
    if (cached) {
      return {
        status: 200,
        raw: cached.data,
        contentType: cached.contentType,
        headers: { "Cache-Control": "private, max-age=15552000", "X-Appwrite-Cache": "hit" },
      };
    }
    const source = icon ? await fileIconPng(icon) : await read(file);
    const data = await renderPreview(source, render);
    const contentType = PREVIEW_OUTPUTS[output];
    service.previews.set(key, { data, contentType });
    return {
      status: 200,
      raw: data,
      contentType,
      // What Appwrite sends on a cache miss: its cache layer's no-cache headers, then the action's Cache-Control.
      headers: {
        "Cache-Control": "private, max-age=2592000",
        Pragma: "no-cache",
        Expires: "0",
        "X-Appwrite-Cache": "miss",
      },
    };
  });
}
