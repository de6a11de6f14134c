import "server-only";
// The only file that touches the provider-photos bucket (therapists' and spas' photos, public): read as the original
// or as a small WebP preview that Appwrite renders (getFilePreview), so a 96-px avatar does not download the
// full-size picture a phone camera took; written when a therapist replaces their profile photo.
import { ID, ImageFormat } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { isNotFound, isUnsupportedFileType } from "../appwrite/appwrite-errors";
import type { BookingServerContext } from "../context";
import type { PhotoWidth } from "./photo-width";
import type { Upload } from "./upload";

/** A photo's bytes and the type to serve them with. */
export interface StoredPhoto {
  mimeType: string;
  bytes: ArrayBuffer;
}

/**
 * The raster types Appwrite renders previews of (its storage inputs). Anything else — SVG above all, which the demo
 * seed uses — would come back as Appwrite's grey "file" icon, so those are served as stored; an SVG scales anyway.
 */
const PREVIEWABLE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic"]);

/** WebP at quality 80: every browser we support shows it, and it is smaller than a JPEG that looks the same. */
const PREVIEW = { output: ImageFormat.Webp, quality: 80, mimeType: "image/webp" } as const;

/**
 * A photo of `bucketId`: with a width, a WebP preview that wide (height follows the aspect ratio); without, the file
 * as uploaded. Null when there is no such file. Exported for its test, which uses a bucket of its own.
 */
export async function readPhoto(
  ctx: BookingServerContext,
  bucketId: string,
  fileId: string,
  width: PhotoWidth | null,
): Promise<StoredPhoto | null> {
  const { storage } = ctx;
  try {
    if (width === null) {
      const [file, bytes] = await Promise.all([
        storage.getFile({ bucketId, fileId }),
        storage.getFileView({ bucketId, fileId }),
      ]);
      return { mimeType: file.mimeType, bytes };
    }
    // The type decides whether a preview is worth asking for, so this costs one round trip more than the original.
    const file = await storage.getFile({ bucketId, fileId });
    if (PREVIEWABLE_TYPES.has(file.mimeType)) {
      try {
        const bytes = await storage.getFilePreview({
          bucketId,
          fileId,
          width,
          output: PREVIEW.output,
          quality: PREVIEW.quality,
        });
        return { mimeType: PREVIEW.mimeType, bytes };
      } catch (error) {
        // An image Appwrite cannot decode (corrupt, or HEIC on the local server) is still served as uploaded.
        if (!isUnsupportedFileType(error)) throw error;
      }
    }
    return { mimeType: file.mimeType, bytes: await storage.getFileView({ bucketId, fileId }) };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** A therapist's or spa's photo (a WebP preview when a width is given), or null when missing. */
export function findProviderPhoto(
  ctx: BookingServerContext,
  fileId: string,
  width: PhotoWidth | null,
): Promise<StoredPhoto | null> {
  return readPhoto(ctx, BUCKETS.therapistPhotos, fileId, width);
}

/** Stores a new profile photo (readable by anyone, through the bucket's permission); its file id. */
export async function storeProviderPhoto(ctx: BookingServerContext, upload: Upload): Promise<string> {
  const file = await ctx.storage.createFile({
    bucketId: BUCKETS.therapistPhotos,
    fileId: ID.unique(),
    file: InputFile.fromBuffer(upload.bytes, upload.name),
  });
  return file.$id;
}

/** Removes a photo; one already gone is not an error. */
export async function deleteProviderPhoto(ctx: BookingServerContext, fileId: string): Promise<void> {
  try {
    await ctx.storage.deleteFile({ bucketId: BUCKETS.therapistPhotos, fileId });
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
}
