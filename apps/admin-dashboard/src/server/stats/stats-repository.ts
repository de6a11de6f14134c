import "server-only";
import { Query } from "node-appwrite";
import { createAdminTablesDB } from "@/server/appwrite/admin-client";
import { TABLE_IDS, databaseId } from "@/server/appwrite/resource-ids";

// Row counts for the operations overview. Appwrite counts matching rows for us (`total`); limit(1) keeps the
// payload to one row whatever the table size.

type TableId = (typeof TABLE_IDS)[keyof typeof TABLE_IDS];

async function countRows(tableId: TableId, queries: string[] = []): Promise<number> {
  const { total } = await createAdminTablesDB().listRows({
    databaseId: databaseId(),
    tableId,
    queries: [...queries, Query.limit(1)],
    total: true,
  });
  return total;
}

export const countTherapists = () => countRows(TABLE_IDS.therapists);
export const countOnlineTherapists = () => countRows(TABLE_IDS.therapists, [Query.equal("isOnline", true)]);
export const countPlaces = () => countRows(TABLE_IDS.places);
export const countBookings = () => countRows(TABLE_IDS.bookings);
