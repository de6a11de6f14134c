import "server-only";
// The numbers on the operations overview. Appwrite counts matching rows for us (`total`); limit(1) keeps the payload
// to one row whatever the table size.
import { TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";

export interface Overview {
  therapists: number;
  onlineTherapists: number;
  places: number;
  bookings: number;
}

async function countRows(ctx: BookingServerContext, tableId: TableId, queries: string[] = []): Promise<number> {
  const { total } = await ctx.tablesDB.listRows({
    databaseId: ctx.databaseId,
    tableId,
    queries: [...queries, Query.limit(1)],
    total: true,
  });
  return total;
}

export async function getOverview(ctx: BookingServerContext): Promise<Overview> {
  const [therapists, onlineTherapists, places, bookings] = await Promise.all([
    countRows(ctx, TABLES.therapists),
    countRows(ctx, TABLES.therapists, [Query.equal("isOnline", true)]),
    countRows(ctx, TABLES.places),
    countRows(ctx, TABLES.bookings),
  ]);
  return { therapists, onlineTherapists, places, bookings };
}
