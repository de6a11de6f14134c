// Response models (Appwrite Response/Model/{Bucket,File}.php).
import type { BucketRecord } from "./bucket-repo.ts";
import type { FileRecord } from "./file-repo.ts";

export function bucketModel(b: BucketRecord, totalSize: number) {
  return {
    $id: b.id,
    $createdAt: b.createdAt,
    $updatedAt: b.updatedAt,
    $permissions: b.permissions,
    fileSecurity: b.fileSecurity,
    name: b.name,
    enabled: b.enabled,
    maximumFileSize: b.maximumFileSize,
    allowedFileExtensions: b.allowedFileExtensions,
    compression: b.compression,
    encryption: b.encryption,
    antivirus: b.antivirus,
    transformations: b.transformations,
    totalSize,
  };
}

export function fileModel(f: FileRecord) {
  return {
    $id: f.id,
    bucketId: f.bucketId,
    $createdAt: f.createdAt,
    $updatedAt: f.updatedAt,
    $permissions: f.permissions,
    name: f.name,
    folder: "",
    key: "",
    signature: f.signature,
    mimeType: f.mimeType,
    sizeOriginal: f.sizeOriginal,
    sizeActual: f.sizeActual,
    chunksTotal: f.chunksTotal,
    chunksUploaded: f.chunksUploaded,
    encryption: f.encryption,
    compression: f.compression,
  };
}
