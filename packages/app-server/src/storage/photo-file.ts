import "server-only";
// The one way the apps read a photo from Appwrite Storage: the original, or a small WebP preview that Appwrite
// renders (getFilePreview), so a 96-px avatar does not download the full-size picture a phone camera took.
import { DomainError } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import { AppwriteException, ImageFormat, type Storage } from "node-appwrite";
import * as z from "zod";

/**
 * The widths a page may ask for, one per avatar size photos are drawn at (ui's Avatar: sm 40, lg 72, xl 112 CSS
 * px), with room for 2.4–3.4× phone screens. A closed list, so nobody can make the server render (and Appwrite
 * bill) arbitrary sizes.
 */
export const PHOTO_WIDTHS = [96, 192, 384] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

const photoWidthSchema = z.enum(["96", "192", "384"]).transform((w) => Number(w) as PhotoWidth);

const widthMessages: Record<Locale, (raw: string) => string> = {
  en: (raw) => `Photo width "${raw}" is not available. Use one of: ${PHOTO_WIDTHS.join(", ")}.`,
  id: (raw) => `Lebar foto "${raw}" tidak tersedia. Gunakan salah satu dari: ${PHOTO_WIDTHS.join(", ")}.`,
};

/** The `?w=` of a photo URL: null when absent, else one of PHOTO_WIDTHS; anything else is a 400. */
export function parsePhotoWidth(raw: string | null, locale: Locale): PhotoWidth | null {
  if (raw === null) return null;
  const parsed = photoWidthSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new DomainError("bad_request", `photo width ${JSON.stringify(raw)} is not one of ${PHOTO_WIDTHS.join(", ")}`, {
    issues: [{ path: "w", message: widthMessages[locale](raw) }],
  });
}

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

function isAppwriteError(error: unknown, code: number, type?: string): boolean {
  return error instanceof AppwriteException && error.code === code && (type === undefined || error.type === type);
}

/**
 * Reads a photo through node-appwrite: with a width, a WebP preview that wide (height follows the aspect ratio);
 * without, the file as uploaded. Null when there is no such file.
 */
export async function readPhoto(
  storage: Storage,
  bucketId: string,
  fileId: string,
  width: PhotoWidth | null,
): Promise<StoredPhoto | null> {
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
        if (!isAppwriteError(error, 400, "storage_file_type_unsupported")) throw error;
      }
    }
    return { mimeType: file.mimeType, bytes: await storage.getFileView({ bucketId, fileId }) };
  } catch (error) {
    if (isAppwriteError(error, 404)) return null;
    throw error;
  }
}
