import "server-only";
import { readPhoto, type PhotoWidth, type StoredPhoto } from "@tenang/app-server/storage/photo-file";
import { createAdminStorage } from "@/server/appwrite/admin-client";
import { BUCKET_IDS } from "@/server/appwrite/resource-ids";

export type { StoredPhoto };

/** A provider photo from the public photo bucket (a WebP preview when a width is given), or null when missing. */
export function findProviderPhoto(fileId: string, width: PhotoWidth | null): Promise<StoredPhoto | null> {
  return readPhoto(createAdminStorage(), BUCKET_IDS.therapistPhotos, fileId, width);
}
