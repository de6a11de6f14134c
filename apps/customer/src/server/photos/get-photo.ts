import "server-only";
import type { PhotoWidth } from "@tenang/app-server/storage/photo-file";
import { DomainError } from "@tenang/booking-core/errors";
import { isAppwriteId } from "@/server/app-server";
import { findProviderPhoto, type StoredPhoto } from "./photo-repository";

/**
 * A therapist's or spa's photo, optionally scaled to a width. Only images are served, whatever else might sit in the
 * bucket.
 */
export async function getPhoto(fileId: string, width: PhotoWidth | null): Promise<StoredPhoto> {
  const photo = isAppwriteId(fileId) ? await findProviderPhoto(fileId, width) : null;
  if (!photo || !photo.mimeType.startsWith("image/")) throw new DomainError("not_found", `no photo ${fileId}`);
  return photo;
}
