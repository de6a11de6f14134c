import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { isAppwriteId } from "@/server/appwrite/resource-ids";
import { findProviderPhoto, type StoredPhoto } from "./photo-repository";

/** A therapist's or spa's photo. Only images are served, whatever else might sit in the bucket. */
export async function getPhoto(fileId: string): Promise<StoredPhoto> {
  const photo = isAppwriteId(fileId) ? await findProviderPhoto(fileId) : null;
  if (!photo || !photo.mimeType.startsWith("image/")) throw new DomainError("not_found", `no photo ${fileId}`);
  return photo;
}
