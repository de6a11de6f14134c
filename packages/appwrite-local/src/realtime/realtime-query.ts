// Realtime subscription queries (Appwrite RuntimeQuery): only equal, notEqual, lessThan(Equal),
// greaterThan(Equal), isNull, isNotNull, and, or and select(["*"]), evaluated against the event payload.
// A leaf on an attribute the payload lacks never matches. Queries are compiled once at subscribe time.
import { parseJsonRefusingForbiddenKeys } from "../http/safe-keys.ts";

type LeafOp =
  "equal" | "notEqual" | "lessThan" | "lessThanEqual" | "greaterThan" | "greaterThanEqual" | "isNull" | "isNotNull";

export type Condition =
  | { kind: "group"; op: "and" | "or"; conditions: Condition[] }
  | { kind: "leaf"; op: LeafOp; attr: string; values: unknown[] };

export type CompiledQuery = { type: "all" } | { type: "filter"; conditions: Condition[] };

export class RealtimeQueryError extends Error {}

const LEAF_METHODS = new Set([
  "equal",
  "notEqual",
  "lessThan",
  "lessThanEqual",
  "greaterThan",
  "greaterThanEqual",
  "isNull",
  "isNotNull",
]);
const ALLOWED =
  "equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select";

interface ParsedQuery {
  method: string;
  attribute: string;
  values: unknown[];
}

function parse(raw: unknown): ParsedQuery {
  let obj: unknown = raw;
  if (typeof raw === "string") {
    try {
      obj = parseJsonRefusingForbiddenKeys(raw, "query");
    } catch {
      throw new RealtimeQueryError("Syntax error");
    }
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw new RealtimeQueryError("Syntax error");
  const o = obj as Record<string, unknown>;
  if (typeof o.method !== "string") throw new RealtimeQueryError("Syntax error");
  const values = o.values ?? [];
  if (!Array.isArray(values)) throw new RealtimeQueryError("Syntax error");
  return { method: o.method, attribute: typeof o.attribute === "string" ? o.attribute : "", values };
}

function toCondition(q: ParsedQuery): Condition {
  if (q.method === "and" || q.method === "or")
    return { kind: "group", op: q.method, conditions: q.values.map((v) => toCondition(parse(v))) };
  if (LEAF_METHODS.has(q.method)) return { kind: "leaf", op: q.method as LeafOp, attr: q.attribute, values: q.values };
  throw new RealtimeQueryError(`Query method '${q.method}' is not supported in Realtime queries. Allowed: ${ALLOWED}`);
}

/** Appwrite's Query::toString: method, attribute when set, values (nested queries as objects). */
function serialize(q: ParsedQuery): Record<string, unknown> {
  const out: Record<string, unknown> = { method: q.method };
  if (q.attribute) out.attribute = q.attribute;
  out.values = q.method === "and" || q.method === "or" ? q.values.map((v) => serialize(parse(v))) : q.values;
  return out;
}

export interface CompiledSubscriptionQueries {
  compiled: CompiledQuery;
  /** Normalised query strings, echoed back in the subscribe response. */
  strings: string[];
}

/** Throws RealtimeQueryError (message without the "Invalid query: " prefix) for anything Appwrite would reject. */
export function compileQueries(raw: readonly unknown[]): CompiledSubscriptionQueries {
  const parsed = raw.map(parse);
  let selectAll = parsed.length === 0;
  const conditions: Condition[] = [];
  for (const q of parsed) {
    if (q.method === "select") {
      if (q.values.length !== 1 || q.values[0] !== "*") {
        throw new RealtimeQueryError(
          'Only select("*") is allowed in Realtime queries. select("*") means "listen to all events".',
        );
      }
      selectAll = true;
      continue;
    }
    conditions.push(toCondition(q));
  }
  const strings =
    parsed.length === 0
      ? [JSON.stringify({ method: "select", values: ["*"] })]
      : parsed.map((q) => JSON.stringify(serialize(q)));
  return { compiled: selectAll ? { type: "all" } : { type: "filter", conditions }, strings };
}

function compare(op: string, value: unknown, target: unknown): boolean {
  if (typeof value !== typeof target && !(value === null || target === null)) return false;
  const a = value as number | string;
  const b = target as number | string;
  switch (op) {
    case "lessThan":
      return a < b;
    case "lessThanEqual":
      return a <= b;
    case "greaterThan":
      return a > b;
    default:
      return a >= b;
  }
}

function evaluate(c: Condition, payload: Record<string, unknown>): boolean {
  if (c.kind === "group")
    return c.op === "and"
      ? c.conditions.every((s) => evaluate(s, payload))
      : c.conditions.some((s) => evaluate(s, payload));
  if (!Object.hasOwn(payload, c.attr)) return false;
  const value = payload[c.attr];
  switch (c.op) {
    case "equal":
      return c.values.some((t) => t === value);
    case "notEqual":
      return !c.values.some((t) => t === value);
    case "isNull":
      return value === null;
    case "isNotNull":
      return value !== null;
    default:
      return c.values.some((t) => compare(c.op, value, t));
  }
}

export function matchesQuery(q: CompiledQuery, payload: Record<string, unknown>): boolean {
  return q.type === "all" || q.conditions.every((c) => evaluate(c, payload));
}
