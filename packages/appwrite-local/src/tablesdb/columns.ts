// Column definitions: the per-type create/update parameters of `POST|PATCH …/columns/{type}`, the inline `columns`
// of createTable, and the Column model each type is reported as (A `…/Attributes/<Type>/Create.php`, Response models).
import { formatDate } from "../time.ts";
import { AppwriteError } from "../errors.ts";
import { tdbErrors } from "./tablesdb-errors.ts";
import { normaliseDateTime } from "./values.ts";
import {
  invalid,
  missing,
  numberFormat,
  optionalBoolean,
  optionalFloat,
  optionalInteger,
  optionalString,
  optionalStringArray,
  requireBoolean,
  requireKeyParam,
  type Params,
} from "./params.ts";
import { formatValidators } from "./structure.ts";
import type { ColumnFormat, ColumnMeta, ColumnType } from "./types.ts";

export const PHP_INT_MIN = -(2n ** 63n);
export const PHP_INT_MAX = 2n ** 63n - 1n;
const MAX_INT32 = 2147483647;

/** Route segment → storage type, format and fixed size. */
const ROUTE_TYPES: Record<string, { type: ColumnType; format: ColumnFormat; size: number }> = {
  string: { type: "string", format: "", size: 0 },
  varchar: { type: "varchar", format: "", size: 0 },
  text: { type: "text", format: "", size: 65535 },
  mediumtext: { type: "mediumtext", format: "", size: 16777215 },
  longtext: { type: "longtext", format: "", size: 2147483647 },
  integer: { type: "integer", format: "", size: 4 },
  bigint: { type: "bigint", format: "", size: 8 },
  float: { type: "double", format: "", size: 0 },
  boolean: { type: "boolean", format: "", size: 0 },
  datetime: { type: "datetime", format: "", size: 0 },
  email: { type: "string", format: "email", size: 254 },
  enum: { type: "string", format: "enum", size: 255 },
  ip: { type: "string", format: "ip", size: 39 },
  url: { type: "string", format: "url", size: 2000 },
};

export function isSupportedColumnRoute(segment: string): boolean {
  return Object.hasOwn(ROUTE_TYPES, segment);
}

/** The route segment a column is managed under (`PATCH …/columns/{segment}/{key}`). */
export function columnRouteType(column: ColumnMeta): string {
  if (column.format) return column.format;
  return column.type === "double" ? "float" : column.type;
}

/** Builds a column from `POST …/columns/{segment}`. */
export function parseColumnCreate(segment: string, params: Params): ColumnMeta {
  // Own properties only: `…/columns/constructor` must be a 404, not Object.prototype.constructor.
  const spec = Object.hasOwn(ROUTE_TYPES, segment) ? ROUTE_TYPES[segment] : undefined;
  if (!spec)
    throw new AppwriteError(
      404,
      "general_route_not_found",
      "The requested route was not found. Please refer to the API docs and try again.",
    );
  const key = requireKeyParam(params, "key");
  const required = requireBoolean(params, "required");
  const array = optionalBoolean(params, "array") ?? false;
  const now = formatDate();
  const column: ColumnMeta = {
    key,
    type: spec.type,
    format: spec.format,
    size: spec.size,
    required,
    array,
    default: null,
    encrypt: optionalBoolean(params, "encrypt") ?? false,
    status: "available",
    error: "",
    createdAt: now,
    updatedAt: now,
  };
  applyTypeParams(column, segment, params, true);
  return column;
}

/** Applies `PATCH …/columns/{segment}/{key}` to a copy of the column; returns it with the new key (if any). */
export function parseColumnUpdate(
  existing: ColumnMeta,
  segment: string,
  params: Params,
): { column: ColumnMeta; newKey?: string } {
  if (columnRouteType(existing) !== segment) {
    throw tdbErrors.columnTypeInvalid(`Column '${existing.key}' type is invalid.`);
  }
  const column: ColumnMeta = { ...existing, updatedAt: formatDate() };
  column.required = requireBoolean(params, "required");
  if (!("default" in params)) throw missing("default");
  applyTypeParams(column, segment, params, false);
  const newKey = params.newKey === undefined || params.newKey === null ? undefined : requireKeyParam(params, "newKey");
  return { column, newKey };
}

function applyTypeParams(column: ColumnMeta, segment: string, params: Params, creating: boolean): void {
  switch (segment) {
    case "string":
    case "varchar": {
      const limit = segment === "varchar" ? 16381 : 1_073_741_824;
      const size = params.size;
      if (size === undefined || size === null) {
        if (creating) throw missing("size");
      } else if (typeof size !== "number" || !Number.isInteger(size) || size < 1 || size > limit) {
        throw invalid("size", `Value must be a valid range between 1 and ${numberFormat(limit)}`);
      } else column.size = size;
      column.default = stringDefault(params);
      checkDefaultAllowed(column);
      if (column.default !== null && (column.default as string).length > column.size) {
        throw tdbErrors.columnValueInvalid(`Value must be a valid string and no longer than ${column.size} chars`);
      }
      break;
    }
    case "text":
    case "mediumtext":
    case "longtext":
      column.default = stringDefault(params);
      checkDefaultAllowed(column);
      break;
    case "integer":
    case "bigint": {
      const min = optionalInteger(params, "min") ?? (creating ? PHP_INT_MIN : (column.min ?? PHP_INT_MIN));
      const max = optionalInteger(params, "max") ?? (creating ? PHP_INT_MAX : (column.max ?? PHP_INT_MAX));
      if (BigInt(min) > BigInt(max))
        throw tdbErrors.columnValueInvalid("Minimum value must be lesser than maximum value");
      column.min = normaliseBound(min);
      column.max = normaliseBound(max);
      if (segment === "integer") column.size = BigInt(max) > BigInt(MAX_INT32) ? 8 : 4;
      const def = optionalInteger(params, "default") ?? null;
      column.default = def === null ? null : normaliseBound(def);
      checkDefaultAllowed(column);
      if (def !== null && (BigInt(def) < BigInt(min) || BigInt(def) > BigInt(max))) {
        throw tdbErrors.columnValueInvalid(
          `Value must be a valid range between ${numberFormat(min)} and ${numberFormat(max)}`,
        );
      }
      break;
    }
    case "float": {
      const min =
        optionalFloat(params, "min") ?? (creating ? -Number.MAX_VALUE : Number(column.min ?? -Number.MAX_VALUE));
      const max =
        optionalFloat(params, "max") ?? (creating ? Number.MAX_VALUE : Number(column.max ?? Number.MAX_VALUE));
      if (min > max) throw tdbErrors.columnValueInvalid("Minimum value must be lesser than maximum value");
      column.min = min;
      column.max = max;
      const def = optionalFloat(params, "default") ?? null;
      column.default = def;
      checkDefaultAllowed(column);
      if (def !== null && (def < min || def > max)) {
        throw tdbErrors.columnValueInvalid(
          `Value must be a valid range between ${numberFormat(min)} and ${numberFormat(max)}`,
        );
      }
      break;
    }
    case "boolean":
      column.default = optionalBoolean(params, "default") ?? null;
      checkDefaultAllowed(column);
      break;
    case "datetime": {
      const def = params.default;
      if (def === undefined || def === null) column.default = null;
      else {
        const normalised = normaliseDateTime(def);
        if (!normalised)
          throw invalid("default", "Value must be valid date between 0000-01-01 00:00:00 and 9999-12-31 00:00:00.");
        column.default = normalised;
      }
      checkDefaultAllowed(column);
      break;
    }
    case "email":
    case "ip":
    case "url": {
      const def = stringDefault(params);
      const validator = formatValidators[segment];
      if (def !== null && !validator.isValid(def)) throw invalid("default", validator.description);
      column.default = def;
      checkDefaultAllowed(column);
      break;
    }
    case "enum": {
      const elements = optionalStringArray(params, "elements", 100, 255);
      if (elements === undefined) {
        if (creating) throw missing("elements");
      } else column.elements = elements;
      const def = stringDefault(params);
      column.default = def;
      checkDefaultAllowed(column);
      if (def !== null && !(column.elements ?? []).includes(def))
        throw tdbErrors.columnValueInvalid("Default value not found in elements");
      break;
    }
  }
}

function stringDefault(params: Params): string | null {
  return optionalString(params, "default") ?? null;
}

function normaliseBound(v: number | bigint): number | bigint {
  if (typeof v === "bigint" && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER))
    return Number(v);
  return v;
}

function checkDefaultAllowed(column: ColumnMeta): void {
  if (column.default === null || column.default === undefined) return;
  if (column.required) throw tdbErrors.columnDefaultUnsupported("Cannot set default value for required column");
  if (column.array) throw tdbErrors.columnDefaultUnsupported("Cannot set default value for array columns");
}

/** Builds a column from one entry of createTable's inline `columns` (type names as the database layer spells them). */
export function parseInlineColumn(def: Record<string, unknown>): ColumnMeta {
  const rawType = typeof def.type === "string" ? def.type : "";
  const format = typeof def.format === "string" ? def.format : "";
  let segment = rawType;
  if (rawType === "double") segment = "float";
  if (rawType === "string" && ["email", "enum", "ip", "url"].includes(format)) segment = format;
  if (!isSupportedColumnRoute(segment)) {
    throw invalid(
      "columns",
      `Column type "${rawType}" is not supported. Supported types: string, varchar, text, mediumtext, longtext, integer, bigint, double, boolean, datetime, email, url, ip, enum.`,
    );
  }
  const params: Params = { ...def, required: def.required ?? false };
  if (segment === "string" || segment === "varchar")
    params.size = def.size ?? (segment === "varchar" ? undefined : 255);
  return parseColumnCreate(segment, params);
}

/** The Column model for this column's type. */
export function columnToJson(column: ColumnMeta, status: string = column.status): Record<string, unknown> {
  const base: Record<string, unknown> = {
    key: column.key,
    type: column.format ? "string" : column.type,
    status,
    error: column.error,
    required: column.required,
    array: column.array,
    $createdAt: column.createdAt,
    $updatedAt: column.updatedAt,
  };
  switch (column.type) {
    case "string":
      if (column.format === "enum")
        return { ...base, elements: column.elements ?? [], format: "enum", default: column.default ?? null };
      if (column.format) return { ...base, format: column.format, default: column.default ?? null };
      return { ...base, size: column.size, default: column.default ?? null, encrypt: column.encrypt };
    case "varchar":
      return { ...base, size: column.size, default: column.default ?? null, encrypt: column.encrypt };
    case "text":
    case "mediumtext":
    case "longtext":
      return { ...base, default: column.default ?? null, encrypt: column.encrypt };
    case "integer":
    case "bigint":
    case "double":
      return { ...base, min: column.min ?? null, max: column.max ?? null, default: column.default ?? null };
    case "boolean":
      return { ...base, default: column.default ?? null };
    case "datetime":
      return { ...base, format: "datetime", default: column.default ?? null };
  }
}

/** SQLite declared type: it only picks the affinity, so all text types are TEXT. */
export function sqlType(column: ColumnMeta): string {
  if (column.array) return "TEXT";
  switch (column.type) {
    case "integer":
    case "bigint":
    case "boolean":
      return "INTEGER";
    case "double":
      return "REAL";
    default:
      return "TEXT";
  }
}

/** Column keys compare case-insensitively, as MariaDB (and SQLite) column names do. */
export function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function isStringType(type: ColumnType): boolean {
  return type === "string" || type === "varchar" || type === "text" || type === "mediumtext" || type === "longtext";
}
