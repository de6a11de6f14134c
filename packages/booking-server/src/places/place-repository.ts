import "server-only";
// The only file that maps place (spa) rows, for the engine and the customer app. A row becomes booking-core's `Place`
// (openingHoursStart/End → openingHours; z.object drops the $-fields).
import type { Duration } from "@tenang/booking-core/prices";
import type { Area } from "@tenang/booking-core/schemas/common";
import { type Place, placeSchema } from "@tenang/booking-core/schemas/place";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRows } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

/**
 * The schema's column defaults (packages/db: openingHoursStart "09:00", openingHoursEnd "21:00"). A row without them
 * was written before the columns existed, and Appwrite gave every row since these values when none was sent, so they
 * are what such a row means — not a malformed row to hide.
 */
const DEFAULT_OPENING_HOURS = { start: "09:00", end: "21:00" } as const;

export function placeFromRow(row: Row): Place {
  return placeSchema.parse({
    ...row,
    id: row.$id,
    openingHours: {
      start: row.openingHoursStart ?? DEFAULT_OPENING_HOURS.start,
      end: row.openingHoursEnd ?? DEFAULT_OPENING_HOURS.end,
    },
  });
}

/** One spa, or null when there is no such row. */
export async function findPlace(ctx: BookingServerContext, placeId: string): Promise<Place | null> {
  const row = await getRowOrNull(ctx, TABLES.places, placeId);
  return row ? placeFromRow(row) : null;
}

export interface VisiblePlaceFilter {
  area?: Area;
  /** Only spas that have a price for this session length. */
  offersDuration?: Duration;
}

// Bali's spas fit in one page; past a few hundred rows this wants cursor paging or a geo index.
const VISIBLE_LIMIT = 200;

/** Spas a customer may see (not restricted), best rated first. */
export async function listVisiblePlaces(ctx: BookingServerContext, filter: VisiblePlaceFilter): Promise<Place[]> {
  const queries = [Query.orderDesc("rating"), Query.limit(VISIBLE_LIMIT)];
  if (filter.area) queries.push(Query.equal("area", filter.area));
  if (filter.offersDuration) queries.push(Query.isNotNull(`price${filter.offersDuration}`));
  const places: Place[] = [];
  for (const row of await listRows(ctx, TABLES.places, queries)) {
    const place = safePlace(row);
    // Filtered here rather than in the query: the places table has no isRestricted column yet (booking-core's
    // schema defaults it to false).
    if (place && !place.isRestricted) places.push(place);
  }
  return places;
}

/** One malformed row costs one card, not the whole list; the log says which row to fix. */
function safePlace(row: Row): Place | null {
  try {
    return placeFromRow(row);
  } catch (error) {
    console.error(`[booking-server] skipping malformed place row ${row.$id}:`, error);
    return null;
  }
}
