// Queries over small in-memory lists (databases, tables, columns, indexes, transactions): the same query syntax as
// rows, evaluated in JS against the response models, with `search` as a case-insensitive match on ID and name.
import { AppwriteError } from "../errors.ts";
import { parseQueries, type Query, queryInvalid } from "./query-parse.ts";

export interface ListResult<T> {
  total: number;
  items: T[];
}

const FILTERS = new Set([
  "equal",
  "notEqual",
  "lessThan",
  "lessThanEqual",
  "greaterThan",
  "greaterThanEqual",
  "between",
  "notBetween",
  "isNull",
  "isNotNull",
  "startsWith",
  "endsWith",
  "notStartsWith",
  "notEndsWith",
  "contains",
  "notContains",
  "and",
  "or",
]);

export function filterList<T extends Record<string, unknown>>(
  items: readonly T[],
  queryStrings: readonly string[],
  allowed: readonly string[],
  options: { search?: string; includeTotal?: boolean; noun: string },
): ListResult<T> {
  const queries = parseQueries(queryStrings);
  const attrs = new Set(["$id", "$createdAt", "$updatedAt", ...allowed]);
  let limit = 25;
  let offset = 0;
  let cursor: { id: string; before: boolean } | null = null;
  const orders: Array<{ attr: string; desc: boolean }> = [];
  const filters: Query[] = [];
  for (const q of queries) {
    switch (q.method) {
      case "limit":
        limit = validNumber(q.values[0], 1, "limit");
        break;
      case "offset":
        offset = validNumber(q.values[0], 0, "offset");
        break;
      case "cursorAfter":
      case "cursorBefore":
        cursor ??= { id: String(q.values[0]), before: q.method === "cursorBefore" };
        break;
      case "orderAsc":
      case "orderDesc":
        checkAttr(q.attribute, attrs);
        orders.push({ attr: q.attribute, desc: q.method === "orderDesc" });
        break;
      case "select":
        break;
      default:
        checkFilter(q, attrs);
        filters.push(q);
    }
  }
  let result = items.filter((item) => filters.every((f) => matches(item, f)));
  if (options.search) {
    const needle = options.search.toLowerCase();
    result = result.filter((item) =>
      [item.$id, item.name, item.key].some((v) => typeof v === "string" && v.toLowerCase().includes(needle)),
    );
  }
  if (orders.length > 0)
    result = [...result].sort((a, b) =>
      orders.reduce((acc, o) => acc || compare(a[o.attr], b[o.attr]) * (o.desc ? -1 : 1), 0),
    );
  const total = options.includeTotal === false ? 0 : Math.min(result.length, 5000);
  if (cursor) {
    const at = result.findIndex((item) => item.$id === cursor.id || item.key === cursor.id);
    if (at < 0)
      throw new AppwriteError(
        400,
        "general_cursor_not_found",
        `${options.noun} '${cursor.id}' for the 'cursor' value not found.`,
      );
    const page = cursor.before
      ? result.slice(Math.max(0, at - offset - limit), Math.max(0, at - offset))
      : result.slice(at + 1 + offset, at + 1 + offset + limit);
    return { total, items: page };
  }
  return { total, items: result.slice(offset, offset + limit) };
}

function validNumber(v: unknown, min: number, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw queryInvalid(
      `Invalid query: Invalid ${name}: Value must be a valid range between ${min} and 9,223,372,036,854,775,807`,
    );
  return n;
}

function checkAttr(attribute: string, attrs: Set<string>): void {
  if (!attrs.has(attribute)) throw queryInvalid(`Invalid query: Attribute not found in schema: ${attribute}`);
}

function checkFilter(q: Query, attrs: Set<string>): void {
  if (!FILTERS.has(q.method)) throw queryInvalid(`Invalid query method: ${q.method}`);
  if (q.method === "and" || q.method === "or") {
    for (const sub of q.values as Query[]) checkFilter(sub, attrs);
    return;
  }
  checkAttr(q.attribute, attrs);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "boolean" || typeof b === "boolean") return Number(a) - Number(b);
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

function matches(item: Record<string, unknown>, q: Query): boolean {
  if (q.method === "and") return (q.values as Query[]).every((s) => matches(item, s));
  if (q.method === "or") return (q.values as Query[]).some((s) => matches(item, s));
  const v = item[q.attribute];
  const [a, b] = q.values;
  switch (q.method) {
    case "equal":
      return q.values.some((x) => (Array.isArray(v) ? v.includes(x) : compare(v, x) === 0));
    case "notEqual":
      return compare(v, a) !== 0;
    case "lessThan":
      return v !== null && v !== undefined && compare(v, a) < 0;
    case "lessThanEqual":
      return v !== null && v !== undefined && compare(v, a) <= 0;
    case "greaterThan":
      return compare(v, a) > 0;
    case "greaterThanEqual":
      return compare(v, a) >= 0;
    case "between":
      return compare(v, a) >= 0 && compare(v, b) <= 0;
    case "notBetween":
      return !(compare(v, a) >= 0 && compare(v, b) <= 0);
    case "isNull":
      return v === null || v === undefined;
    case "isNotNull":
      return v !== null && v !== undefined;
    case "startsWith":
      return typeof v === "string" && v.startsWith(String(a));
    case "notStartsWith":
      return typeof v === "string" && !v.startsWith(String(a));
    case "endsWith":
      return typeof v === "string" && v.endsWith(String(a));
    case "notEndsWith":
      return typeof v === "string" && !v.endsWith(String(a));
    case "contains":
      return q.values.some((x) => (Array.isArray(v) ? v.includes(x) : typeof v === "string" && v.includes(String(x))));
    case "notContains":
      return !q.values.some((x) => (Array.isArray(v) ? v.includes(x) : typeof v === "string" && v.includes(String(x))));
    default:
      return true;
  }
}
