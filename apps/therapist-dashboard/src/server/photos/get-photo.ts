import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { isAppwriteId } from "@/server/appwrite/resource-ids";
import { findProfilePhoto, type StoredFile } from "@/server/files/file-repository";

/** A therapist's profile photo. Only images are served, whatever else might sit in the bucket. */
export async function getPhoto(fileId: string): Promise<StoredFile> {
  const photo = isAppwriteId(fileId) ? await findProfilePhoto(fileId) : null;
  if (!photo || !photo.mimeType.startsWith("image/")) throw new DomainError("not_found", `no photo ${fileId}`);
  return photo;
}
