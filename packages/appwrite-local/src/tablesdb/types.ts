// Shapes of TablesDB metadata and rows as the server holds them (not the wire format; see *-json.ts for that).

/** Storage types, named as Appwrite's database layer names them (float is `double`). */
export type ColumnType =
  "string" | "varchar" | "text" | "mediumtext" | "longtext" | "integer" | "bigint" | "double" | "boolean" | "datetime";

/** String columns that carry a format validator; reported as `type: "string"` with `format`. */
export type ColumnFormat = "" | "email" | "enum" | "ip" | "url";

export interface ColumnMeta {
  key: string;
  type: ColumnType;
  format: ColumnFormat;
  /** Max characters (string/varchar) or bytes (text types); 0 where it does not apply. */
  size: number;
  required: boolean;
  array: boolean;
  default: unknown;
  /** Numeric bounds (integer/bigint as number|bigint, double as number). */
  min?: number | bigint;
  max?: number | bigint;
  elements?: string[];
  encrypt: boolean;
  status: "available" | "processing" | "deleting" | "stuck" | "failed";
  error: string;
  createdAt: string;
  updatedAt: string;
}

export type IndexType = "key" | "unique" | "fulltext";

export interface IndexMeta {
  seq: number;
  key: string;
  type: IndexType;
  columns: string[];
  orders: string[];
  lengths: Array<number | null>;
  status: "available" | "processing" | "failed";
  error: string;
  createdAt: string;
  updatedAt: string;
}

export interface DatabaseMeta {
  seq: number;
  id: string;
  name: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TableMeta {
  seq: number;
  id: string;
  databaseSeq: number;
  databaseId: string;
  name: string;
  enabled: boolean;
  rowSecurity: boolean;
  /** Aggregated table permissions (`write` already expanded). */
  permissions: string[];
  columns: ColumnMeta[];
  indexes: IndexMeta[];
  createdAt: string;
  updatedAt: string;
  /** Bumped on every schema change so cached statements and compiled queries are rebuilt. */
  version: number;
}

/** A row in API form: column values decoded (booleans, arrays, datetimes in Appwrite format). */
export interface StoredRow {
  seq: number;
  id: string;
  createdAt: string;
  updatedAt: string;
  permissions: string[];
  data: Record<string, unknown>;
}

/** Who performs an operation, reduced to what authorization needs. */
export interface Actor {
  /** API key (or internal replay of staged operations): authorization is off. */
  isKey: boolean;
  roles: string[];
  userId: string | null;
  /** Role label used in scope errors: `guests` or `users`. */
  roleLabel: string;
}
