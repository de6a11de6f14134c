// Where file bytes live: on disk under `<dataDir>/files/<bucket>/<fileId>`, or in SQLite in --memory mode.
// Uploads arrive as 1-based parts (one per chunk; a small upload is a single part) and are assembled by finalize.

export interface FinalizedBlob {
  size: number;
  /** MD5 hex of the content, Appwrite's file `signature`. */
  md5: string;
  /** The first bytes, for content-type sniffing. */
  head: Buffer;
}

export interface BlobStore {
  writePart(bucketId: string, fileId: string, part: number, data: Buffer): Promise<void>;
  /** Joins parts 1..parts into the stored file and drops the parts. */
  finalize(bucketId: string, fileId: string, parts: number): Promise<FinalizedBlob>;
  /** The stored file's bytes, or the [start, end] (inclusive) slice of them. */
  read(bucketId: string, fileId: string, range?: { start: number; end: number }): Promise<Buffer>;
  /** Removes the file and any parts of an unfinished upload. */
  delete(bucketId: string, fileId: string): Promise<void>;
  deleteBucket(bucketId: string): Promise<void>;
}

export const HEAD_BYTES = 512;
