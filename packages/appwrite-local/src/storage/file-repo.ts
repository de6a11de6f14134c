// File metadata in SQLite, plus the bookkeeping of which chunks of an upload have arrived.
import type { Sqlite } from "../store.ts";

export interface FileRecord {
  seq: number;
  bucketId: string;
  id: string;
  createdAt: string;
  updatedAt: string;
  permissions: string[];
  name: string;
  signature: string;
  mimeType: string;
  sizeOriginal: number;
  sizeActual: number;
  chunksTotal: number;
  chunksUploaded: number;
  encryption: boolean;
  compression: string;
}

interface FileRow {
  seq: number;
  bucket_id: string;
  id: string;
  created_at: string;
  updated_at: string;
  permissions: string;
  name: string;
  signature: string;
  mime_type: string;
  size_original: number;
  size_actual: number;
  chunks_total: number;
  chunks_uploaded: number;
  encryption: number;
  compression: string;
}

function fromRow(r: FileRow): FileRecord {
  return {
    seq: r.seq,
    bucketId: r.bucket_id,
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    permissions: JSON.parse(r.permissions) as string[],
    name: r.name,
    signature: r.signature,
    mimeType: r.mime_type,
    sizeOriginal: r.size_original,
    sizeActual: r.size_actual,
    chunksTotal: r.chunks_total,
    chunksUploaded: r.chunks_uploaded,
    encryption: r.encryption === 1,
    compression: r.compression,
  };
}

function toParams(f: Omit<FileRecord, "seq">) {
  return {
    bucket_id: f.bucketId,
    id: f.id,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    permissions: JSON.stringify(f.permissions),
    name: f.name,
    signature: f.signature,
    mime_type: f.mimeType,
    size_original: f.sizeOriginal,
    size_actual: f.sizeActual,
    chunks_total: f.chunksTotal,
    chunks_uploaded: f.chunksUploaded,
    encryption: f.encryption ? 1 : 0,
    compression: f.compression,
  };
}

const COLUMNS =
  "bucket_id, id, created_at, updated_at, permissions, name, signature, mime_type, size_original, size_actual, chunks_total, chunks_uploaded, encryption, compression";

export class FileRepo {
  private readonly byId;
  private readonly byBucket;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly addPartStmt;
  private readonly countPartsStmt;
  private readonly clearPartsStmt;
  private readonly clearBucketPartsStmt;

  constructor(db: Sqlite) {
    this.byId = db.prepare<[string, string], FileRow>("SELECT * FROM _storage_files WHERE bucket_id = ? AND id = ?");
    this.byBucket = db.prepare<[string], FileRow>("SELECT * FROM _storage_files WHERE bucket_id = ? ORDER BY seq");
    this.insertStmt = db.prepare(
      `INSERT INTO _storage_files (${COLUMNS}) VALUES (${COLUMNS.split(", ")
        .map((c) => `@${c}`)
        .join(", ")})`,
    );
    const sets = COLUMNS.split(", ")
      .filter((c) => c !== "id" && c !== "bucket_id")
      .map((c) => `${c} = @${c}`)
      .join(", ");
    this.updateStmt = db.prepare(`UPDATE _storage_files SET ${sets} WHERE bucket_id = @bucket_id AND id = @id`);
    this.deleteStmt = db.prepare<[string, string]>("DELETE FROM _storage_files WHERE bucket_id = ? AND id = ?");
    this.addPartStmt = db.prepare<[string, string, number]>(
      "INSERT OR IGNORE INTO _storage_upload_parts (bucket_id, file_id, part) VALUES (?, ?, ?)",
    );
    this.countPartsStmt = db.prepare<[string, string], { n: number }>(
      "SELECT COUNT(*) AS n FROM _storage_upload_parts WHERE bucket_id = ? AND file_id = ?",
    );
    this.clearPartsStmt = db.prepare<[string, string]>(
      "DELETE FROM _storage_upload_parts WHERE bucket_id = ? AND file_id = ?",
    );
    this.clearBucketPartsStmt = db.prepare<[string]>("DELETE FROM _storage_upload_parts WHERE bucket_id = ?");
  }

  get(bucketId: string, id: string): FileRecord | null {
    const row = this.byId.get(bucketId, id);
    return row ? fromRow(row) : null;
  }

  list(bucketId: string): FileRecord[] {
    return this.byBucket.all(bucketId).map(fromRow);
  }

  /** Throws the SQLite unique-constraint error if the file ID is taken in the bucket. */
  insert(f: Omit<FileRecord, "seq">): FileRecord {
    this.insertStmt.run(toParams(f));
    return this.get(f.bucketId, f.id)!;
  }

  save(f: FileRecord): FileRecord {
    this.updateStmt.run(toParams(f));
    return this.get(f.bucketId, f.id)!;
  }

  delete(bucketId: string, id: string): void {
    this.deleteStmt.run(bucketId, id);
    this.clearPartsStmt.run(bucketId, id);
  }

  /** Records that a chunk arrived (idempotent for SDK retries) and returns how many distinct chunks have. */
  addPart(bucketId: string, id: string, part: number): number {
    this.addPartStmt.run(bucketId, id, part);
    return this.countPartsStmt.get(bucketId, id)?.n ?? 0;
  }

  clearParts(bucketId: string, id: string): void {
    this.clearPartsStmt.run(bucketId, id);
  }

  clearBucketParts(bucketId: string): void {
    this.clearBucketPartsStmt.run(bucketId);
  }
}
