// Small HTTP helpers shared by the TablesDB route files: bigint-safe JSON in and out, and the `total` flag.
import type { HandlerResult, RequestContext } from "../http/router.ts";
import { parseJson, stringifyJson } from "./json.ts";
import { optionalBoolean } from "./params.ts";

/** Base path of the row routes. */
export const ROWS_PATH = "/v1/tablesdb/:databaseId/tables/:tableId/rows";

/** A JSON response serialised here so 64-bit integers are written exactly. */
export function json(status: number, body: unknown): HandlerResult {
  return { status, raw: Buffer.from(stringifyJson(body), "utf8"), contentType: "application/json; charset=utf-8" };
}

export function noContent(): HandlerResult {
  return { status: 204 };
}

/** The JSON body; re-parsed from the raw bytes only when it may hold integers beyond 2^53. */
export function bodyOf(ctx: RequestContext): Record<string, unknown> {
  if (ctx.rawBody.length > 0 && ctx.contentType.includes("application/json")) {
    const text = ctx.rawBody.toString("utf8");
    if (/\d{16,}/.test(text)) {
      const parsed = parseJson(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    }
  }
  return ctx.body;
}

/** `total` query param of list routes (default true). */
export function includeTotal(ctx: RequestContext): boolean {
  return optionalBoolean(ctx.query, "total", true) ?? true;
}
