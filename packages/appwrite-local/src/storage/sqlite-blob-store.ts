// File bytes in SQLite for --memory mode. Parts are kept as uploaded and concatenated on read, so finalizing a
// chunked upload needs no copy.
import { createHash } from "node:crypto";
import type { Sqlite } from "../store.ts";
import { HEAD_BYTES, type BlobStore, type FinalizedBlob } from "./blob-store.ts";

export class SqliteBlobStore implements BlobStore {
  private readonly putStmt;
  private readonly partsStmt;
  private readonly deleteStmt;
  private readonly deleteBucketStmt;

  constructor(db: Sqlite) {
    this.putStmt = db.prepare<[string, string, number, Buffer]>(
      "INSERT OR REPLACE INTO _storage_blobs (bucket_id, file_id, part, data) VALUES (?, ?, ?, ?)",
    );
    this.partsStmt = db.prepare<[string, string], { part: number; data: Buffer }>(
      "SELECT part, data FROM _storage_blobs WHERE bucket_id = ? AND file_id = ? ORDER BY part",
    );
    this.deleteStmt = db.prepare<[string, string]>("DELETE FROM _storage_blobs WHERE bucket_id = ? AND file_id = ?");
    this.deleteBucketStmt = db.prepare<[string]>("DELETE FROM _storage_blobs WHERE bucket_id = ?");
  }

  writePart(bucketId: string, fileId: string, part: number, data: Buffer): Promise<void> {
    this.putStmt.run(bucketId, fileId, part, data);
    return Promise.resolve();
  }

  finalize(bucketId: string, fileId: string, parts: number): Promise<FinalizedBlob> {
    const rows = this.partsStmt.all(bucketId, fileId).filter((r) => r.part >= 1 && r.part <= parts);
    if (rows.length !== parts) return Promise.reject(new Error(`upload ${bucketId}/${fileId} is missing parts`));
    const md5 = createHash("md5");
    let size = 0;
    let head = Buffer.alloc(0);
    for (const r of rows) {
      md5.update(r.data);
      size += r.data.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, r.data.subarray(0, HEAD_BYTES - head.length)]);
    }
    return Promise.resolve({ size, md5: md5.digest("hex"), head });
  }

  read(bucketId: string, fileId: string, range?: { start: number; end: number }): Promise<Buffer> {
    const all = Buffer.concat(this.partsStmt.all(bucketId, fileId).map((r) => r.data));
    return Promise.resolve(range ? all.subarray(range.start, range.end + 1) : all);
  }

  delete(bucketId: string, fileId: string): Promise<void> {
    this.deleteStmt.run(bucketId, fileId);
    return Promise.resolve();
  }

  deleteBucket(bucketId: string): Promise<void> {
    this.deleteBucketStmt.run(bucketId);
    return Promise.resolve();
  }
}
