// Query strings → validated Query objects, with utopia-php/database's parse and validation rules and messages
// (Query::parse, Validator/Queries, Query/Filter, Limit, Offset, Cursor, Order, Select, IndexedQueries).
import { AppwriteError } from "../errors.ts";
import { isValidKey, UID_DESCRIPTION } from "./ids.ts";
import { parseJson } from "./json.ts";
import { hasNulByte } from "../http/nul-bytes.ts";
import { isStringType } from "./columns.ts";
import { parseDateTime } from "./values.ts";
import type { ColumnMeta, ColumnType, IndexMeta } from "./types.ts";

export interface Query {
  method: string;
  attribute: string;
  /** Operands; for `and`/`or` the nested queries. */
  values: unknown[];
}

export interface OrderTerm {
  attribute: string | null;
  direction: "ASC" | "DESC" | "RANDOM";
}

export interface GroupedQueries {
  filters: Query[];
  /** Selected attributes, or null when there is no select query. */
  selects: string[] | null;
  limit: number | null;
  offset: number | null;
  orders: OrderTerm[];
  cursor: { id: string; direction: "after" | "before" } | null;
}

const FILTER_METHODS = new Set([
  "equal",
  "notEqual",
  "lessThan",
  "lessThanEqual",
  "greaterThan",
  "greaterThanEqual",
  "search",
  "notSearch",
  "isNull",
  "isNotNull",
  "between",
  "notBetween",
  "startsWith",
  "notStartsWith",
  "endsWith",
  "notEndsWith",
  "contains",
  "containsAny",
  "notContains",
  "containsAll",
  "and",
  "or",
  "elemMatch",
  "regex",
  "exists",
  "notExists",
]);
const SPATIAL_METHODS = new Set([
  "crosses",
  "notCrosses",
  "distanceEqual",
  "distanceNotEqual",
  "distanceGreaterThan",
  "distanceLessThan",
  "intersects",
  "notIntersects",
  "overlaps",
  "notOverlaps",
  "touches",
  "notTouches",
]);
const VECTOR_METHODS = new Set(["vectorDot", "vectorCosine", "vectorEuclidean"]);
const OTHER_METHODS = new Set([
  "select",
  "orderAsc",
  "orderDesc",
  "orderRandom",
  "limit",
  "offset",
  "cursorAfter",
  "cursorBefore",
]);
const LOGICAL = new Set(["and", "or", "elemMatch"]);
const MAX_VALUES = 500;
const PHP_INT_MAX = "9,223,372,036,854,775,807";

export function queryInvalid(message: string): AppwriteError {
  return new AppwriteError(400, "general_query_invalid", message);
}

function isKnownMethod(method: string): boolean {
  return (
    FILTER_METHODS.has(method) || SPATIAL_METHODS.has(method) || VECTOR_METHODS.has(method) || OTHER_METHODS.has(method)
  );
}

/** Query::parseQueries: JSON and shape errors become 400 general_query_invalid. */
export function parseQueries(strings: readonly string[]): Query[] {
  return strings.map((s) => {
    let decoded: unknown;
    try {
      decoded = parseJson(s);
    } catch {
      throw queryInvalid("Invalid query: Syntax error");
    }
    if (hasNulByte(decoded)) throw queryInvalid("Invalid query: Query values must not contain NUL bytes.");
    if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) {
      throw queryInvalid(`Invalid query. Must be an array, got ${phpType(decoded)}`);
    }
    return parseQueryObject(decoded as Record<string, unknown>);
  });
}

function parseQueryObject(obj: Record<string, unknown>): Query {
  const method = obj.method ?? "";
  const attribute = obj.attribute ?? "";
  const values = obj.values ?? [];
  if (typeof method !== "string") throw queryInvalid(`Invalid query method. Must be a string, got ${phpType(method)}`);
  if (!isKnownMethod(method)) throw queryInvalid(`Invalid query method: ${method}`);
  if (typeof attribute !== "string")
    throw queryInvalid(`Invalid query attribute. Must be a string, got ${phpType(attribute)}`);
  if (!Array.isArray(values)) throw queryInvalid(`Invalid query values. Must be an array, got ${phpType(values)}`);
  if (LOGICAL.has(method)) {
    return {
      method,
      attribute,
      values: values.map((v: unknown) => {
        if (typeof v !== "object" || v === null || Array.isArray(v)) throw queryInvalid("Invalid query: Syntax error");
        return parseQueryObject(v as Record<string, unknown>);
      }),
    };
  }
  return { method, attribute, values };
}

function phpType(v: unknown): string {
  if (v === null) return "NULL";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "double";
  if (typeof v === "boolean") return "boolean";
  return typeof v === "object" ? "array" : typeof v;
}

function methodType(method: string): "filter" | "select" | "limit" | "offset" | "cursor" | "order" {
  if (method === "select") return "select";
  if (method === "limit") return "limit";
  if (method === "offset") return "offset";
  if (method === "cursorAfter" || method === "cursorBefore") return "cursor";
  if (method === "orderAsc" || method === "orderDesc" || method === "orderRandom") return "order";
  return "filter";
}

interface SchemaAttribute {
  key: string;
  type: ColumnType | "id";
  array: boolean;
  size: number;
  encrypt: boolean;
}

export const INTERNAL_ATTRIBUTES: SchemaAttribute[] = [
  { key: "$id", type: "string", array: false, size: 36, encrypt: false },
  { key: "$sequence", type: "id", array: false, size: 0, encrypt: false },
  { key: "$createdAt", type: "datetime", array: false, size: 0, encrypt: false },
  { key: "$updatedAt", type: "datetime", array: false, size: 0, encrypt: false },
];

const SELECT_INTERNAL = new Set([
  "$id",
  "$sequence",
  "$createdAt",
  "$updatedAt",
  "$permissions",
  "$collection",
  "$tableId",
  "$databaseId",
]);

export interface QuerySchema {
  attributes: Map<string, SchemaAttribute>;
  indexes: readonly IndexMeta[];
}

export function schemaFor(columns: readonly ColumnMeta[], indexes: readonly IndexMeta[]): QuerySchema {
  const attributes = new Map<string, SchemaAttribute>();
  for (const c of columns)
    attributes.set(c.key, { key: c.key, type: c.type, array: c.array, size: c.size, encrypt: c.encrypt });
  for (const a of INTERNAL_ATTRIBUTES) attributes.set(a.key, a);
  return { attributes, indexes };
}

/** The Documents validator of Database::find, then the fulltext-index rule of IndexedQueries. */
export function validateListQueries(queries: readonly Query[], schema: QuerySchema): void {
  validateQueryList(queries, schema, new Set(["filter", "select", "limit", "offset", "cursor", "order"]));
  for (const q of queries) {
    if (q.method !== "search" && q.method !== "notSearch") continue;
    const ok = schema.indexes.some(
      (i) =>
        i.type === "fulltext" && i.status === "available" && i.columns.length === 1 && i.columns[0] === q.attribute,
    );
    if (!ok) throw queryInvalid(`Searching by attribute "${q.attribute}" requires a fulltext index.`);
  }
}

/** getRow accepts select queries only. */
export function validateGetQueries(queries: readonly Query[], schema: QuerySchema): void {
  validateQueryList(queries, schema, new Set(["select"]));
}

function validateQueryList(queries: readonly Query[], schema: QuerySchema, allowed: Set<string>): void {
  for (const q of queries) {
    if (LOGICAL.has(q.method)) validateQueryList(q.values as Query[], schema, allowed);
    const type = methodType(q.method);
    if (!allowed.has(type)) throw queryInvalid(`Invalid query method: ${q.method}`);
    const problem = describeInvalid(q, type, schema);
    if (problem) throw queryInvalid(`Invalid query: ${problem}`);
  }
}

function describeInvalid(q: Query, type: ReturnType<typeof methodType>, schema: QuerySchema): string | null {
  switch (type) {
    case "limit":
      return describeRange(q.values[0], 1, "limit");
    case "offset":
      return describeRange(q.values[0], 0, "offset");
    case "cursor":
      return isValidKey(q.values[0]) ? null : `Invalid cursor: ${UID_DESCRIPTION}`;
    case "order":
      if (q.method === "orderRandom") return null;
      return schema.attributes.has(q.attribute) ? null : `Attribute not found in schema: ${q.attribute}`;
    case "select":
      return describeInvalidSelect(q.values, schema);
    case "filter":
      return describeInvalidFilter(q, schema);
  }
}

function describeRange(value: unknown, min: number, name: "limit" | "offset"): string | null {
  const isNumeric =
    typeof value === "number" ||
    typeof value === "bigint" ||
    (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)));
  if (!isNumeric) return "Invalid limit: Value must be a valid number";
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    return `Invalid ${name}: Value must be a valid range between ${min} and ${PHP_INT_MAX}`;
  return null;
}

function describeInvalidSelect(values: unknown[], schema: QuerySchema): string | null {
  if (values.length === 0) return "No attributes selected";
  for (const v of values)
    if (typeof v !== "string")
      return `Attribute selection must be a string, got ${phpType(v) === "NULL" ? "null" : phpType(v)}`;
  if (new Set(values).size !== values.length) return "Duplicate attributes selected";
  for (const v of values as string[]) {
    const attribute = v.includes(".") && !schema.attributes.has(v) ? v.split(".")[0]! : v;
    if (SELECT_INTERNAL.has(attribute) || attribute === "*") continue;
    if (!schema.attributes.has(attribute)) return `Attribute not found in schema: ${attribute}`;
  }
  return null;
}

function describeInvalidFilter(q: Query, schema: QuerySchema): string | null {
  const { method, values } = q;
  const cap = method.charAt(0).toUpperCase() + method.slice(1);
  switch (method) {
    case "and":
    case "or": {
      if (values.some((v) => methodType((v as Query).method) !== "filter"))
        return `${cap} queries can only contain filter queries`;
      if (values.length < 2) return `${cap} queries require at least two queries`;
      return null;
    }
    case "elemMatch":
      return "elemMatch is not supported by the database";
    case "exists":
    case "notExists": {
      if (values.length === 0) return `${cap} queries require at least one value.`;
      for (const v of values) {
        if (typeof v !== "string" || !schema.attributes.has(v)) return `Attribute not found in schema: ${String(v)}`;
      }
      return null;
    }
    case "equal":
    case "contains":
    case "containsAny":
    case "containsAll":
    case "notContains":
      if (values.length === 0 || (Array.isArray(values[0]) && values[0].length === 0))
        return `${cap} queries require at least one value.`;
      return describeAttributeAndValues(q, schema);
    case "notEqual":
    case "lessThan":
    case "lessThanEqual":
    case "greaterThan":
    case "greaterThanEqual":
    case "search":
    case "notSearch":
    case "startsWith":
    case "notStartsWith":
    case "endsWith":
    case "notEndsWith":
    case "regex":
      if (values.length !== 1) return `${cap} queries require exactly one value.`;
      return describeAttributeAndValues(q, schema);
    case "between":
    case "notBetween":
      if (values.length !== 2) return `${cap} queries require exactly two values.`;
      return describeAttributeAndValues(q, schema);
    case "isNull":
    case "isNotNull":
      return describeAttributeAndValues(q, schema);
  }
  if (VECTOR_METHODS.has(method)) {
    if (!schema.attributes.has(q.attribute)) return `Attribute not found in schema: ${q.attribute}`;
    return "Vector queries can only be used on vector attributes";
  }
  if (SPATIAL_METHODS.has(method)) {
    if (method.startsWith("distance")) {
      const first = values[0];
      if (values.length !== 1 || !Array.isArray(first) || first.length !== 3)
        return "Distance query requires [[geometry, distance]] parameters";
    } else if (values.length === 0) return `${cap} queries require at least one value.`;
    if (!schema.attributes.has(q.attribute)) return `Attribute not found in schema: ${q.attribute}`;
    return `Spatial query "${method}" cannot be applied on non-spatial attribute: ${q.attribute}`;
  }
  return `Invalid query method: ${method}`;
}

function describeAttributeAndValues(q: Query, schema: QuerySchema): string | null {
  const attr = schema.attributes.get(q.attribute);
  if (!attr) return `Attribute not found in schema: ${q.attribute}`;
  if (attr.encrypt) return `Cannot query encrypted attribute: ${q.attribute}`;
  if (q.values.length > MAX_VALUES) return `Query on attribute has greater than ${MAX_VALUES} values: ${q.attribute}`;
  for (const v of q.values) {
    if (!isValidOperand(attr, v)) return `Query value is invalid for attribute "${q.attribute}"`;
  }
  const containsFamily = ["contains", "containsAny", "containsAll", "notContains"].includes(q.method);
  if (!attr.array && containsFamily && !(attr.type !== "id" && isStringType(attr.type))) {
    const name = q.method === "notContains" ? "notContains" : "contains";
    return `Cannot query ${name} on attribute "${q.attribute}" because it is not an array, string, or object.`;
  }
  if (attr.array && !containsFamily && !["isNull", "isNotNull", "exists", "notExists"].includes(q.method)) {
    return `Cannot query ${q.method} on attribute "${q.attribute}" because it is an array.`;
  }
  return null;
}

function isValidOperand(attr: SchemaAttribute, v: unknown): boolean {
  switch (attr.type) {
    case "id":
      return (typeof v === "number" && Number.isInteger(v) && v >= 0) || (typeof v === "string" && /^\d+$/.test(v));
    case "integer": {
      if (!(typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v)))) return false;
      const limit = attr.size >= 8 ? 2n ** 63n : 2n ** 31n;
      const n = BigInt(v);
      return n >= -limit && n < limit;
    }
    case "bigint":
      return (
        typeof v === "bigint" ||
        (typeof v === "number" && Number.isInteger(v)) ||
        (typeof v === "string" && /^-?\d+$/.test(v))
      );
    case "double":
      return typeof v === "number" || typeof v === "bigint";
    case "boolean":
      return typeof v === "boolean";
    case "datetime":
      return parseDateTime(v) !== null;
    default:
      return typeof v === "string";
  }
}

/** Query::groupByType: the first limit/offset/cursor win; orders and selects accumulate. */
export function groupQueries(queries: readonly Query[]): GroupedQueries {
  const grouped: GroupedQueries = { filters: [], selects: null, limit: null, offset: null, orders: [], cursor: null };
  for (const q of queries) {
    switch (q.method) {
      case "orderAsc":
      case "orderDesc":
        grouped.orders.push({ attribute: q.attribute, direction: q.method === "orderAsc" ? "ASC" : "DESC" });
        break;
      case "orderRandom":
        grouped.orders.push({ attribute: null, direction: "RANDOM" });
        break;
      case "limit":
        grouped.limit ??= Number(q.values[0]);
        break;
      case "offset":
        grouped.offset ??= Number(q.values[0]);
        break;
      case "cursorAfter":
      case "cursorBefore":
        grouped.cursor ??= { id: String(q.values[0]), direction: q.method === "cursorAfter" ? "after" : "before" };
        break;
      case "select":
        grouped.selects = [...(grouped.selects ?? []), ...(q.values as string[])];
        break;
      default:
        grouped.filters.push(q);
    }
  }
  return grouped;
}
