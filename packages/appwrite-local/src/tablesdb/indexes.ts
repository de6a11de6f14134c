// Index definitions: the `POST …/indexes` parameters (also used by createTable's inline `indexes`), their validation
// against the table's columns, and the ColumnIndex model.
import { AppwriteError } from "../errors.ts";
import { formatDate } from "../time.ts";
import { isStringType } from "./columns.ts";
import { invalid, missing, optionalStringArray, requireKeyParam, type Params } from "./params.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import type { ColumnMeta, IndexMeta, IndexType, TableMeta } from "./types.ts";

const INDEX_TYPES = ["key", "fulltext", "unique", "spatial"];
const INTERNAL_INDEXABLE = ["$id", "$createdAt", "$updatedAt"];

export function parseIndexInput(
  params: Params,
  columns: readonly ColumnMeta[],
  existing: readonly IndexMeta[],
): Omit<IndexMeta, "seq"> {
  const key = requireKeyParam(params, "key");
  const type = params.type;
  if (type === undefined || type === null) throw missing("type");
  if (typeof type !== "string" || !INDEX_TYPES.includes(type))
    throw invalid("type", `Value must be one of (${INDEX_TYPES.join(", ")})`);
  const columnsParam = params.columns !== undefined ? "columns" : "attributes";
  const keys = optionalStringArray(params, columnsParam, 100);
  if (keys === undefined) throw missing("columns");
  const orders = optionalStringArray(params, "orders", 100) ?? [];
  for (const o of orders)
    if (!["ASC", "DESC"].includes(o.toUpperCase()))
      throw invalid("orders", "Value must a valid array no longer than 100 items and Value must be one of (ASC, DESC)");
  const rawLengths = params.lengths;
  const lengths: Array<number | null> = Array.isArray(rawLengths)
    ? rawLengths.map((l: unknown) => (typeof l === "number" ? l : null))
    : [];
  if (existing.some((i) => i.key === key)) throw tdbErrors.indexAlreadyExists(key);
  if (type === "spatial")
    throw tdbErrors.indexInvalid("Spatial indexes are not supported: this server has no spatial columns.");
  for (const k of keys) {
    if (INTERNAL_INDEXABLE.includes(k)) continue;
    const column = columns.find((c) => c.key === k);
    if (!column) throw tdbErrors.columnUnknown(k);
    if (column.array)
      throw new AppwriteError(400, "index_invalid", "Creating indexes on array attributes is not currently supported.");
    if (type === "fulltext" && !isStringType(column.type)) {
      throw tdbErrors.indexInvalid(`Attribute "${k}" cannot be part of a FULLTEXT index, must be of type string`);
    }
  }
  if (keys.length === 0) throw tdbErrors.indexInvalid("No attributes provided for index");
  const now = formatDate();
  return {
    key,
    type: type as IndexType,
    columns: keys,
    orders,
    lengths,
    status: "available",
    error: "",
    createdAt: now,
    updatedAt: now,
  };
}

export function indexToJson(
  table: TableMeta,
  index: IndexMeta,
  status: string = index.status,
): Record<string, unknown> {
  return {
    $id: `${table.databaseSeq}_${table.seq}_${index.key}`,
    $createdAt: index.createdAt,
    $updatedAt: index.updatedAt,
    key: index.key,
    type: index.type,
    status,
    error: index.error,
    columns: index.columns,
    lengths: index.lengths,
    orders: index.orders,
  };
}
