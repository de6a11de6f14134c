import "server-only";
import { AppwriteException } from "node-appwrite";
import { createAdminStorage } from "@/server/appwrite/admin-client";
import { BUCKET_IDS } from "@/server/appwrite/resource-ids";

export interface StoredPhoto {
  mimeType: string;
  bytes: ArrayBuffer;
}

/** A provider photo from the public photo bucket, or null when there is no such file. */
export async function findProviderPhoto(fileId: string): Promise<StoredPhoto | null> {
  const storage = createAdminStorage();
  const bucketId = BUCKET_IDS.therapistPhotos;
  try {
    const [file, bytes] = await Promise.all([
      storage.getFile({ bucketId, fileId }),
      storage.getFileView({ bucketId, fileId }),
    ]);
    return { mimeType: file.mimeType, bytes };
  } catch (error) {
    if (error instanceof AppwriteException && error.code === 404) return null;
    throw error;
  }
}
