import "server-only";
import type { Duration } from "@tenang/booking-core/money";
import type { Area } from "@tenang/booking-core/schemas/common";
import { placeSchema, type Place } from "@tenang/booking-core/schemas/place";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { AppwriteException, Query, type Models } from "node-appwrite";
import { createAdminTablesDB } from "@/server/appwrite/admin-client";
import { databaseId } from "@/server/appwrite/resource-ids";

// The only file that reads place (spa) rows; they leave as booking-core `Place` objects.

export interface PlaceFilter {
  area?: Area;
  offersDuration?: Duration;
}

const LIST_LIMIT = 200;

export function toPlaceInput(row: Models.DefaultRow): unknown {
  return { ...row, id: row.$id, openingHours: { start: row.openingHoursStart, end: row.openingHoursEnd } };
}

/** Spas a customer may see (not restricted), best rated first. */
export async function findVisiblePlaces(filter: PlaceFilter): Promise<Place[]> {
  const queries = [Query.orderDesc("rating"), Query.limit(LIST_LIMIT)];
  if (filter.area) queries.push(Query.equal("area", filter.area));
  if (filter.offersDuration) queries.push(Query.isNotNull(`price${filter.offersDuration}`));

  const { rows } = await createAdminTablesDB().listRows({
    databaseId: databaseId(),
    tableId: TABLES.places,
    queries,
  });
  const places: Place[] = [];
  for (const row of rows) {
    const parsed = placeSchema.safeParse(toPlaceInput(row));
    if (!parsed.success) console.error(`[places] skipping malformed row ${row.$id}:`, parsed.error.issues);
    // Filtered here rather than in the query: the places table has no isRestricted column yet (booking-core's
    // schema defaults it to false).
    else if (!parsed.data.isRestricted) places.push(parsed.data);
  }
  return places;
}

/** One spa, or null when there is no such row. */
export async function findPlaceById(id: string): Promise<Place | null> {
  try {
    const row = await createAdminTablesDB().getRow({ databaseId: databaseId(), tableId: TABLES.places, rowId: id });
    return placeSchema.parse(toPlaceInput(row));
  } catch (error) {
    if (error instanceof AppwriteException && error.code === 404) return null;
    throw error;
  }
}
