// Appwrite list queries (protocol §1 "Query JSON" and "Ordering and pagination") evaluated in memory, for the small
// system collections of this package: users, buckets and files. Filters, order, limit/offset, cursors and `total`
// behave like Appwrite's Database::find/count; `search` is a word-prefix full-text match like MariaDB's boolean mode.
import { AppwriteError, errors } from "../errors.ts";
import { parseJsonRefusingForbiddenKeys } from "../http/safe-keys.ts";
import { hasNulByte } from "../http/nul-bytes.ts";

export type AttributeType = "string" | "boolean" | "integer" | "datetime" | "array";

export interface ListDoc {
  $id: string;
  $sequence: number;
  [key: string]: unknown;
}

export interface ListSpec<T extends ListDoc> {
  /** Names the collection in cursor errors: "User 'x' for the 'cursor' value not found." */
  label: string;
  attributes: Record<string, AttributeType>;
  /** The text the `search` parameter matches against. */
  searchText: (doc: T) => string;
}

interface Query {
  method: string;
  attribute: string;
  values: unknown[];
}

const INTERNAL: Record<string, AttributeType> = {
  $id: "string",
  $createdAt: "datetime",
  $updatedAt: "datetime",
  $sequence: "integer",
};
const FILTERS = new Set([
  "equal",
  "notEqual",
  "lessThan",
  "lessThanEqual",
  "greaterThan",
  "greaterThanEqual",
  "contains",
  "notContains",
  "search",
  "notSearch",
  "startsWith",
  "endsWith",
  "notStartsWith",
  "notEndsWith",
  "isNull",
  "isNotNull",
  "between",
  "notBetween",
  "and",
  "or",
]);
const ARRAY_OK = new Set(["contains", "notContains", "isNull", "isNotNull"]);
const PAGING = new Set(["limit", "offset", "cursorAfter", "cursorBefore", "orderAsc", "orderDesc"]);
const MAX_COUNT = 5000;
const DEFAULT_LIMIT = 25;

function parse(raw: unknown): Query {
  let obj: unknown = raw;
  if (typeof raw === "string") {
    try {
      obj = parseJsonRefusingForbiddenKeys(raw, "query");
    } catch {
      throw errors.queryInvalid("Syntax error");
    }
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw errors.queryInvalid("Syntax error");
  if (hasNulByte(obj)) throw errors.queryInvalid("Query values must not contain NUL bytes.");
  const o = obj as Record<string, unknown>;
  if (typeof o.method !== "string") throw errors.queryInvalid("Syntax error");
  const values = o.values === undefined ? [] : o.values;
  if (!Array.isArray(values)) throw errors.queryInvalid("Syntax error");
  const attribute = typeof o.attribute === "string" ? o.attribute : "";
  const q: Query = { method: o.method, attribute, values };
  if (q.method === "and" || q.method === "or") q.values = values.map(parse);
  return q;
}

function validateFilter(q: Query, attrs: Record<string, AttributeType>): void {
  if (!FILTERS.has(q.method))
    throw new AppwriteError(400, "general_query_invalid", `Invalid query method: ${q.method}`);
  if (q.method === "and" || q.method === "or") {
    if (q.values.length < 2) throw errors.queryInvalid(`${q.method} queries require at least two queries`);
    for (const sub of q.values as Query[]) validateFilter(sub, attrs);
    return;
  }
  const type = Object.hasOwn(attrs, q.attribute) ? attrs[q.attribute] : undefined;
  if (!type) throw errors.queryInvalid(`Attribute not found in schema: ${q.attribute}`);
  if (type === "array" && !ARRAY_OK.has(q.method)) {
    throw errors.queryInvalid(`Cannot query ${q.method} on attribute "${q.attribute}" because it is an array.`);
  }
  const n = q.values.length;
  if (q.method === "isNull" || q.method === "isNotNull") return;
  if (q.method === "between" || q.method === "notBetween") {
    if (n !== 2) throw errors.queryInvalid(`${q.method} queries require exactly two values.`);
  } else if (q.method === "equal" || q.method === "notEqual" || q.method === "contains" || q.method === "notContains") {
    if (n < 1) throw errors.queryInvalid(`${q.method} queries require at least one value.`);
    if (n > 500) throw errors.queryInvalid(`Query on attribute has greater than 500 values: ${q.attribute}`);
  } else if (n !== 1) throw errors.queryInvalid(`${q.method} queries require exactly one value.`);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
}

function searchMatches(text: string, term: unknown): boolean {
  const terms = words(String(term));
  if (terms.length === 0) return true;
  const haystack = words(text);
  return terms.some((t) => haystack.some((w) => w.startsWith(t)));
}

function matches(q: Query, doc: ListDoc): boolean {
  if (q.method === "and") return (q.values as Query[]).every((s) => matches(s, doc));
  if (q.method === "or") return (q.values as Query[]).some((s) => matches(s, doc));
  const value = doc[q.attribute];
  const first = q.values[0];
  switch (q.method) {
    case "equal":
      return q.values.some((v) => compare(value, v) === 0 && value !== null && value !== undefined);
    case "notEqual":
      return !q.values.some((v) => compare(value, v) === 0);
    case "lessThan":
      return value != null && compare(value, first) < 0;
    case "lessThanEqual":
      return value != null && compare(value, first) <= 0;
    case "greaterThan":
      return value != null && compare(value, first) > 0;
    case "greaterThanEqual":
      return value != null && compare(value, first) >= 0;
    case "between":
      return value != null && compare(value, first) >= 0 && compare(value, q.values[1]) <= 0;
    case "notBetween":
      return value != null && !(compare(value, first) >= 0 && compare(value, q.values[1]) <= 0);
    case "contains":
      return Array.isArray(value)
        ? q.values.some((v) => value.includes(v))
        : typeof value === "string" && q.values.some((v) => value.includes(String(v)));
    case "notContains":
      return !(Array.isArray(value)
        ? q.values.some((v) => value.includes(v))
        : typeof value === "string" && q.values.some((v) => value.includes(String(v))));
    case "search":
      return typeof value === "string" && searchMatches(value, first);
    case "notSearch":
      return typeof value !== "string" || !searchMatches(value, first);
    case "startsWith":
      return typeof value === "string" && value.startsWith(String(first));
    case "endsWith":
      return typeof value === "string" && value.endsWith(String(first));
    case "notStartsWith":
      return typeof value !== "string" || !value.startsWith(String(first));
    case "notEndsWith":
      return typeof value !== "string" || !value.endsWith(String(first));
    case "isNull":
      return value === null || value === undefined;
    case "isNotNull":
      return value !== null && value !== undefined;
    default:
      return false;
  }
}

function intValue(q: Query, min: number): number {
  const v = q.values[0];
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
    throw errors.queryInvalid(
      `Invalid ${q.method}: Value must be a valid range between ${min.toLocaleString("en-US")} and ${Number.MAX_SAFE_INTEGER.toLocaleString("en-US")}`,
    );
  }
  return v;
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

export function runListQuery<T extends ListDoc>(
  docs: readonly T[],
  rawQueries: readonly string[],
  search: string,
  includeTotal: boolean,
  spec: ListSpec<T>,
): ListResult<T> {
  const attrs = { ...spec.attributes, ...INTERNAL };
  const filters: Query[] = [];
  const orders: Array<{ attribute: string; dir: 1 | -1 }> = [];
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  let cursor: { id: string; after: boolean } | null = null;

  for (const raw of rawQueries) {
    const q = parse(raw);
    if (!PAGING.has(q.method)) {
      validateFilter(q, attrs);
      filters.push(q);
      continue;
    }
    switch (q.method) {
      case "limit":
        limit = intValue(q, 1);
        break;
      case "offset":
        offset = intValue(q, 0);
        break;
      case "cursorAfter":
      case "cursorBefore": {
        const id = q.values[0];
        if (typeof id !== "string" || id === "")
          throw errors.queryInvalid("Invalid cursor: Cursor must contain at least one value.");
        cursor = { id, after: q.method === "cursorAfter" };
        break;
      }
      default: {
        if (q.attribute !== "" && !Object.hasOwn(attrs, q.attribute))
          throw errors.queryInvalid(`Attribute not found in schema: ${q.attribute}`);
        orders.push({ attribute: q.attribute || "$sequence", dir: q.method === "orderAsc" ? 1 : -1 });
      }
    }
  }

  let filtered = docs.filter((d) => filters.every((q) => matches(q, d)));
  if (search) filtered = filtered.filter((d) => searchMatches(spec.searchText(d), search));
  const total = includeTotal ? Math.min(filtered.length, MAX_COUNT) : 0;

  // Appwrite appends a $sequence tie-breaker: same direction as a leading $createdAt/$updatedAt order, else ascending.
  const lead = orders[0];
  const tieDir: 1 | -1 = lead && (lead.attribute === "$createdAt" || lead.attribute === "$updatedAt") ? lead.dir : 1;
  const order = orders.some((o) => o.attribute === "$id" || o.attribute === "$sequence")
    ? orders
    : [...orders, { attribute: "$sequence", dir: tieDir }];
  const cmp = (a: T, b: T) => {
    for (const o of order) {
      const c = compare(a[o.attribute], b[o.attribute]);
      if (c !== 0) return c * o.dir;
    }
    return 0;
  };
  filtered.sort(cmp);

  if (cursor) {
    const { id, after } = cursor;
    const cursorDoc = docs.find((d) => d.$id === id);
    if (!cursorDoc)
      throw new AppwriteError(
        400,
        "general_cursor_not_found",
        `${spec.label} '${id}' for the 'cursor' value not found.`,
      );
    if (after) filtered = filtered.filter((d) => cmp(d, cursorDoc) > 0);
    else {
      // cursorBefore pages backwards from the cursor but returns rows in forward order.
      const before = filtered.filter((d) => cmp(d, cursorDoc) < 0).reverse();
      return { items: before.slice(offset, offset + limit).reverse(), total };
    }
  }
  return { items: filtered.slice(offset, offset + limit), total };
}
