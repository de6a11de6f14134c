import "server-only";
import { therapistSchema, type Therapist } from "@tenang/booking-core/schemas/therapist";
import { Query, type Models } from "node-appwrite";
import { createAdminTablesDB } from "@/server/appwrite/admin-client";
import { TABLE_IDS, databaseId } from "@/server/appwrite/resource-ids";

// The only file that reads therapist rows in this app; rows leave as booking-core `Therapist` objects.

/** Row columns → booking-core's shape. z.object drops every key it does not know, including the $-fields. */
export function toTherapistInput(row: Models.DefaultRow): unknown {
  return { ...row, id: row.$id, workingHours: { start: row.workingHoursStart, end: row.workingHoursEnd } };
}

/** The therapist profile linked to an Appwrite user (userId is unique), or null when none is linked. */
export async function findTherapistByUserId(userId: string): Promise<Therapist | null> {
  const { rows } = await createAdminTablesDB().listRows({
    databaseId: databaseId(),
    tableId: TABLE_IDS.therapists,
    queries: [Query.equal("userId", userId), Query.limit(1)],
  });
  const row = rows[0];
  return row ? therapistSchema.parse(toTherapistInput(row)) : null;
}
