// Data migration for issue 9 (finding 2): bookings rows used to carry read("user:<customer>") and, from therapist_found
// on, read("user:<therapist>"); they now carry no user permission (a row holds the customer's contact details) and
// each booking's readers hold its booking_updates signal row instead. The engine rewrites a row's permissions on its
// next change, but ended bookings never change again, so this moves every old row once: the signal row is written
// with exactly the readers the booking row had, then the booking row's reads are removed. Idempotent (rows already
// without user reads are skipped) and safe to stop halfway (the next run finishes it).
import { TABLES } from "@tenang/booking-core/resource-ids";
import { type Models, Query, type TablesDB } from "node-appwrite";

interface Targets {
  tablesDB: TablesDB;
  databaseId: string;
}

const PAGE = 100;

/** Returns how many bookings were moved. */
export async function moveBookingReadsToSignals({ tablesDB, databaseId }: Targets): Promise<number> {
  let moved = 0;
  let after: string | null = null;
  for (;;) {
    const page: Models.RowList<Models.DefaultRow> = await tablesDB.listRows<Models.DefaultRow>({
      databaseId,
      tableId: TABLES.bookings,
      queries: [Query.orderAsc("$id"), Query.limit(PAGE), ...(after ? [Query.cursorAfter(after)] : [])],
      total: false,
    });
    const { rows } = page;
    for (const row of rows) {
      if (row.$permissions.length === 0) continue;
      await tablesDB.upsertRow({
        databaseId,
        tableId: TABLES.bookingUpdates,
        rowId: row.$id,
        data: {
          bookingId: row.$id,
          status: row.status,
          version: row.version,
          updatedAt: typeof row.lastEventAt === "string" ? row.lastEventAt : row.$updatedAt,
        },
        permissions: row.$permissions.filter((p) => p.startsWith("read(")),
      });
      await tablesDB.updateRow({ databaseId, tableId: TABLES.bookings, rowId: row.$id, permissions: [] });
      moved += 1;
    }
    if (rows.length < PAGE) return moved;
    after = rows[rows.length - 1]!.$id;
  }
}
