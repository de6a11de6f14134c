import "server-only";
import { TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { Query } from "node-appwrite";
import { bookingServer } from "@/server/app-server";

// Row counts for the operations overview. Appwrite counts matching rows for us (`total`); limit(1) keeps the
// payload to one row whatever the table size.

async function countRows(tableId: TableId, queries: string[] = []): Promise<number> {
  const { tablesDB, databaseId } = bookingServer();
  const { total } = await tablesDB.listRows({
    databaseId,
    tableId,
    queries: [...queries, Query.limit(1)],
    total: true,
  });
  return total;
}

export const countTherapists = () => countRows(TABLES.therapists);
export const countOnlineTherapists = () => countRows(TABLES.therapists, [Query.equal("isOnline", true)]);
export const countPlaces = () => countRows(TABLES.places);
export const countBookings = () => countRows(TABLES.bookings);
