import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { idSchema } from "@tenang/booking-core/schemas/common";
import type { BookingServerContext } from "../context";
import { findProviderPhoto, type StoredPhoto } from "./photo-repository";
import type { PhotoWidth } from "./photo-width";

/**
 * A therapist's or spa's photo, optionally scaled to a width. Only images are served, whatever else might sit in the
 * bucket. The id is checked first, so a junk id in a URL is a plain "not found" instead of an Appwrite 400.
 */
export async function getPhoto(
  ctx: BookingServerContext,
  fileId: string,
  width: PhotoWidth | null,
): Promise<StoredPhoto> {
  const photo = idSchema.safeParse(fileId).success ? await findProviderPhoto(ctx, fileId, width) : null;
  if (!photo || !photo.mimeType.startsWith("image/")) throw new DomainError("not_found", `no photo ${fileId}`);
  return photo;
}
