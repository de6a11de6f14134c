// Conversion between API values and what one SQLite column stores: booleans as 0/1, arrays as JSON text, datetimes as
// UTC text in Appwrite's format (fixed width, so text order is time order and range queries compare as strings).
import { formatDate } from "../time.ts";
import { normaliseInteger, parseJson, stringifyJson } from "./json.ts";
import type { ColumnMeta } from "./types.ts";

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses the date strings PHP's DateTime accepts in practice; a missing zone means UTC (Appwrite's server zone). */
export function parseDateTime(value: unknown): Date | null {
  if (typeof value !== "string" || value === "") return null;
  const m = DATE_PATTERN.exec(value.trim());
  let date: Date;
  if (m) {
    const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone] = m;
    const ms = frac === "" ? "000" : frac.padEnd(3, "0").slice(0, 3);
    let offset = "Z";
    if (zone && zone.toUpperCase() !== "Z") {
      const digits = zone.replace(":", "");
      offset = `${digits.slice(0, 3)}:${digits.length > 3 ? digits.slice(3, 5) : "00"}`;
    }
    date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
    // Reject calendar overflow (e.g. 2024-02-31) instead of letting Date roll it over.
    if (!Number.isNaN(date.getTime()) && offset === "Z" && date.getUTCDate() !== Number(d)) return null;
  } else {
    date = new Date(value);
  }
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  return date;
}

/** Appwrite's datetime text (`2025-01-02T03:04:05.678+00:00`), or null for an unparseable value. */
export function normaliseDateTime(value: unknown): string | null {
  const date = parseDateTime(value);
  return date ? formatDate(date) : null;
}

/** API value (already validated) → SQLite value. */
export function toStorage(column: ColumnMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.array) {
    // JSON keeps booleans as true/false; json_each() reports them as 1/0, matching how scalars are bound.
    const items = (value as unknown[]).map((v) => (column.type === "datetime" ? normaliseDateTime(v) : v));
    return stringifyJson(items);
  }
  return scalarToStorage(column, value);
}

function scalarToStorage(column: ColumnMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "boolean":
      return value ? 1 : 0;
    case "datetime":
      return normaliseDateTime(value);
    default:
      return value;
  }
}

/** SQLite value → API value. */
export function fromStorage(column: ColumnMeta, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (column.array) {
    const parsed = typeof raw === "string" ? parseJson(raw) : raw;
    return Array.isArray(parsed) ? parsed.map((v) => scalarFromStorage(column, v)) : null;
  }
  return scalarFromStorage(column, raw);
}

function scalarFromStorage(column: ColumnMeta, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  switch (column.type) {
    case "boolean":
      return raw === true || raw === 1 || raw === 1n;
    case "integer":
    case "bigint":
      return typeof raw === "bigint" ? normaliseInteger(raw) : raw;
    case "double":
      return typeof raw === "bigint" ? Number(raw) : raw;
    default:
      return typeof raw === "bigint" ? raw.toString() : raw;
  }
}

/** Value of a query operand as bound to SQL for this column. */
export function queryOperand(column: ColumnMeta | undefined, value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (column?.type === "datetime") return normaliseDateTime(value) ?? value;
  return value;
}

/** Deep equality for API values (used to detect no-op updates). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return a == b;
  if (typeof a === "bigint" || typeof b === "bigint") {
    const isInt = (v: unknown) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
    return isInt(a) && isInt(b) && BigInt(a as number | bigint) === BigInt(b as number | bigint);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => valuesEqual(v, b[i]));
  return false;
}
