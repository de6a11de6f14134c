import "server-only";
import type { Area } from "@tenang/booking-core/schemas/common";
import { therapistSchema, type Therapist } from "@tenang/booking-core/schemas/therapist";
import type { Duration } from "@tenang/booking-core/money";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { AppwriteException, Query, type Models } from "node-appwrite";
import { createAdminTablesDB } from "@/server/appwrite/admin-client";
import { databaseId } from "@/server/appwrite/resource-ids";

// The only file that reads therapist rows. Rows become booking-core `Therapist` objects here, so no Appwrite
// $-field (and no column-level naming such as workingHoursStart) travels further into the app.

export interface TherapistFilter {
  area?: Area;
  /** Only therapists who have a price for this session length. */
  offersDuration?: Duration;
}

// Bali's whole roster fits in one page; past a few hundred rows this wants cursor paging or a geo index.
const LIST_LIMIT = 200;

/** Row columns → booking-core's shape. z.object drops every key it does not know, including the $-fields. */
export function toTherapistInput(row: Models.DefaultRow): unknown {
  return { ...row, id: row.$id, workingHours: { start: row.workingHoursStart, end: row.workingHoursEnd } };
}

/** Therapists a customer may see (not restricted), best rated first. */
export async function findVisibleTherapists(filter: TherapistFilter): Promise<Therapist[]> {
  const queries = [Query.equal("isRestricted", false), Query.orderDesc("rating"), Query.limit(LIST_LIMIT)];
  if (filter.area) queries.push(Query.equal("area", filter.area));
  if (filter.offersDuration) queries.push(Query.isNotNull(`price${filter.offersDuration}`));

  const { rows } = await createAdminTablesDB().listRows({
    databaseId: databaseId(),
    tableId: TABLES.therapists,
    queries,
  });
  const therapists: Therapist[] = [];
  for (const row of rows) {
    // One malformed row should cost one card, not the whole list; the log says which row to fix.
    const parsed = therapistSchema.safeParse(toTherapistInput(row));
    if (parsed.success) therapists.push(parsed.data);
    else console.error(`[therapists] skipping malformed row ${row.$id}:`, parsed.error.issues);
  }
  return therapists;
}

export async function findTherapistById(id: string): Promise<Therapist | null> {
  try {
    const row = await createAdminTablesDB().getRow({
      databaseId: databaseId(),
      tableId: TABLES.therapists,
      rowId: id,
    });
    return therapistSchema.parse(toTherapistInput(row));
  } catch (error) {
    if (error instanceof AppwriteException && error.code === 404) return null;
    throw error;
  }
}
