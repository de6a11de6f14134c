import "server-only";
// Small helpers for reading rows with the API key.
import { type Models, Query } from "node-appwrite";
import { isNotFound } from "../appwrite/appwrite-errors";
import type { BookingServerContext } from "../context";

export type Row = Models.DefaultRow;

/** A row, or null when it does not exist. */
export async function getRowOrNull(ctx: BookingServerContext, tableId: string, rowId: string): Promise<Row | null> {
  try {
    return await ctx.tablesDB.getRow<Row>({ databaseId: ctx.databaseId, tableId, rowId });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** One page of rows (no total: the engine never needs counts it does not ask for). */
export async function listRows(ctx: BookingServerContext, tableId: string, queries: string[]): Promise<Row[]> {
  const { rows } = await ctx.tablesDB.listRows<Row>({ databaseId: ctx.databaseId, tableId, queries, total: false });
  return rows;
}

/** Rows whose `column` is one of `values`, in chunks that stay under Appwrite's 100-value-per-query comfort zone. */
export async function listRowsWhereIn(
  ctx: BookingServerContext,
  tableId: string,
  column: string,
  values: readonly string[],
  extra: string[] = [],
): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < values.length; i += 100) {
    const chunk = values.slice(i, i + 100);
    out.push(...(await listRows(ctx, tableId, [Query.equal(column, [...chunk]), ...extra, Query.limit(500)])));
  }
  return out;
}
