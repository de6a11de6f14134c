import "server-only";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { readPhoto, type PhotoWidth, type StoredPhoto } from "@tenang/app-server/storage/photo-file";
import { bookingServer } from "@/server/app-server";

const createAdminStorage = () => bookingServer().storage;

export type { StoredPhoto };

/** A provider photo from the public photo bucket (a WebP preview when a width is given), or null when missing. */
export function findProviderPhoto(fileId: string, width: PhotoWidth | null): Promise<StoredPhoto | null> {
  return readPhoto(createAdminStorage(), BUCKETS.therapistPhotos, fileId, width);
}
