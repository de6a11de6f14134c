import "server-only";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { readPhoto, type PhotoWidth, type StoredPhoto } from "@tenang/app-server/storage/photo-file";
import { AppwriteException, ID, Permission, Role } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { bookingServer } from "@/server/app-server";

const createAdminStorage = () => bookingServer().storage;

// The only file that talks to Appwrite Storage in this app: profile photos (public bucket) and commission payment
// proofs (private: readable by operations through the bucket's label:admin, and by the uploader).

export type { StoredPhoto };

/** A profile photo (a WebP preview when a width is given), or null when missing. */
export function findProfilePhoto(fileId: string, width: PhotoWidth | null): Promise<StoredPhoto | null> {
  return readPhoto(createAdminStorage(), BUCKETS.therapistPhotos, fileId, width);
}

/** A file that passed the upload check (uploads/read-upload.ts), named for what its bytes are. */
export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export async function storeProfilePhoto(upload: Upload): Promise<string> {
  const file = await createAdminStorage().createFile({
    bucketId: BUCKETS.therapistPhotos,
    fileId: ID.unique(),
    file: InputFile.fromBuffer(upload.bytes, upload.name),
  });
  return file.$id;
}

export async function deleteProfilePhoto(fileId: string): Promise<void> {
  try {
    await createAdminStorage().deleteFile({ bucketId: BUCKETS.therapistPhotos, fileId });
  } catch (error) {
    if (error instanceof AppwriteException && error.code === 404) return;
    throw error;
  }
}

/** A transfer proof, readable by its uploader (and operations through the bucket permission). */
export async function storePaymentProof(upload: Upload, uploaderUserId: string): Promise<string> {
  const file = await createAdminStorage().createFile({
    bucketId: BUCKETS.paymentProofs,
    fileId: ID.unique(),
    file: InputFile.fromBuffer(upload.bytes, upload.name),
    permissions: [Permission.read(Role.user(uploaderUserId))],
  });
  return file.$id;
}
