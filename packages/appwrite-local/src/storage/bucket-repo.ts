// Buckets in SQLite.
import type { Sqlite } from "../store.ts";

export interface BucketRecord {
  seq: number;
  id: string;
  createdAt: string;
  updatedAt: string;
  permissions: string[];
  fileSecurity: boolean;
  name: string;
  enabled: boolean;
  maximumFileSize: number;
  allowedFileExtensions: string[];
  compression: string;
  encryption: boolean;
  antivirus: boolean;
  transformations: boolean;
}

interface BucketRow {
  seq: number;
  id: string;
  created_at: string;
  updated_at: string;
  permissions: string;
  file_security: number;
  name: string;
  enabled: number;
  maximum_file_size: number;
  allowed_file_extensions: string;
  compression: string;
  encryption: number;
  antivirus: number;
  transformations: number;
}

function fromRow(r: BucketRow): BucketRecord {
  return {
    seq: r.seq,
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    permissions: JSON.parse(r.permissions) as string[],
    fileSecurity: r.file_security === 1,
    name: r.name,
    enabled: r.enabled === 1,
    maximumFileSize: r.maximum_file_size,
    allowedFileExtensions: JSON.parse(r.allowed_file_extensions) as string[],
    compression: r.compression,
    encryption: r.encryption === 1,
    antivirus: r.antivirus === 1,
    transformations: r.transformations === 1,
  };
}

function toParams(b: Omit<BucketRecord, "seq">) {
  return {
    id: b.id,
    created_at: b.createdAt,
    updated_at: b.updatedAt,
    permissions: JSON.stringify(b.permissions),
    file_security: b.fileSecurity ? 1 : 0,
    name: b.name,
    enabled: b.enabled ? 1 : 0,
    maximum_file_size: b.maximumFileSize,
    allowed_file_extensions: JSON.stringify(b.allowedFileExtensions),
    compression: b.compression,
    encryption: b.encryption ? 1 : 0,
    antivirus: b.antivirus ? 1 : 0,
    transformations: b.transformations ? 1 : 0,
  };
}

const COLUMNS =
  "id, created_at, updated_at, permissions, file_security, name, enabled, maximum_file_size, allowed_file_extensions, compression, encryption, antivirus, transformations";

export class BucketRepo {
  private readonly byId;
  private readonly all;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly sizeStmt;

  constructor(db: Sqlite) {
    this.byId = db.prepare<[string], BucketRow>("SELECT * FROM _storage_buckets WHERE id = ?");
    this.all = db.prepare<[], BucketRow>("SELECT * FROM _storage_buckets ORDER BY seq");
    this.insertStmt = db.prepare(
      `INSERT INTO _storage_buckets (${COLUMNS}) VALUES (${COLUMNS.split(", ")
        .map((c) => `@${c}`)
        .join(", ")})`,
    );
    const sets = COLUMNS.split(", ")
      .filter((c) => c !== "id")
      .map((c) => `${c} = @${c}`)
      .join(", ");
    this.updateStmt = db.prepare(`UPDATE _storage_buckets SET ${sets} WHERE id = @id`);
    this.deleteStmt = db.prepare<[string]>("DELETE FROM _storage_buckets WHERE id = ?");
    this.sizeStmt = db.prepare<[string], { total: number | null }>(
      "SELECT SUM(size_actual) AS total FROM _storage_files WHERE bucket_id = ? AND chunks_uploaded = chunks_total",
    );
  }

  get(id: string): BucketRecord | null {
    const row = this.byId.get(id);
    return row ? fromRow(row) : null;
  }

  list(): BucketRecord[] {
    return this.all.all().map(fromRow);
  }

  /** Throws the SQLite unique-constraint error on a duplicate ID. */
  insert(b: Omit<BucketRecord, "seq">): BucketRecord {
    this.insertStmt.run(toParams(b));
    return this.get(b.id)!;
  }

  save(b: BucketRecord): BucketRecord {
    this.updateStmt.run(toParams(b));
    return this.get(b.id)!;
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }

  totalSize(id: string): number {
    return this.sizeStmt.get(id)?.total ?? 0;
  }
}
