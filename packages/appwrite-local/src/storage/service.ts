// The storage module's state: bucket and file metadata in SQLite, file bytes in a BlobStore.
import path from "node:path";
import type { App } from "../app.ts";
import { createStorageSchema } from "./schema.ts";
import { BucketRepo } from "./bucket-repo.ts";
import { FileRepo } from "./file-repo.ts";
import type { BlobStore } from "./blob-store.ts";
import { DiskBlobStore } from "./disk-blob-store.ts";
import { SqliteBlobStore } from "./sqlite-blob-store.ts";
import { PreviewCache } from "./preview-cache.ts";

/**
 * The largest file a bucket may accept (Appwrite's `_APP_STORAGE_LIMIT`). Appwrite Cloud's Pro plan allows 5 GB;
 * the emulator does not want to be the reason a local upload fails.
 */
export const STORAGE_LIMIT = 5_000_000_000;
/** Appwrite APP_LIMIT_UPLOAD_CHUNK_SIZE, the SDKs' chunk size. */
export const CHUNK_SIZE = 5 * 1024 * 1024;
/** Appwrite APP_STORAGE_READ_BUFFER: files above this are never compressed or encrypted. */
export const READ_BUFFER = 20_000_000;

export class StorageService {
  readonly buckets: BucketRepo;
  readonly files: FileRepo;
  readonly blobs: BlobStore;
  /** `bucket/file` keys of uploads being assembled right now. */
  readonly finalizing = new Set<string>();
  readonly previews = new PreviewCache();

  constructor(app: App) {
    createStorageSchema(app.db);
    this.buckets = new BucketRepo(app.db);
    this.files = new FileRepo(app.db);
    this.blobs = app.config.dataDir
      ? new DiskBlobStore(path.join(app.config.dataDir, "files"))
      : new SqliteBlobStore(app.db);
  }
}
