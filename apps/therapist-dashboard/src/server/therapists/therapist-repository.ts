import "server-only";
import type { TherapistProfileInput } from "@tenang/booking-core/schemas/therapist";
import { Query } from "node-appwrite";
import { createAdminTablesDB } from "@/server/appwrite/admin-client";
import { TABLE_IDS, databaseId } from "@/server/appwrite/resource-ids";

// This app's own therapist-row access, for what the booking engine does not cover (sign-in by phone, the profile).

/** The user linked to the therapist with this WhatsApp number (E.164), for signing in by phone. */
export async function findTherapistUserIdByWhatsapp(whatsapp: string): Promise<string | null> {
  const { rows } = await createAdminTablesDB().listRows({
    databaseId: databaseId(),
    tableId: TABLE_IDS.therapists,
    queries: [Query.equal("whatsapp", whatsapp), Query.isNotNull("userId"), Query.limit(1)],
  });
  const userId: unknown = rows[0]?.userId;
  return typeof userId === "string" && userId !== "" ? userId : null;
}

/** Writes the profile form's fields (booking-core's therapistProfileInputSchema output) to the therapist's row. */
export async function updateTherapistProfile(therapistId: string, input: TherapistProfileInput): Promise<void> {
  const { workingHours, ...columns } = input;
  await createAdminTablesDB().updateRow({
    databaseId: databaseId(),
    tableId: TABLE_IDS.therapists,
    rowId: therapistId,
    data: { ...columns, workingHoursStart: workingHours.start, workingHoursEnd: workingHours.end },
  });
}

export async function setTherapistPhoto(therapistId: string, photoFileId: string): Promise<void> {
  await createAdminTablesDB().updateRow({
    databaseId: databaseId(),
    tableId: TABLE_IDS.therapists,
    rowId: therapistId,
    data: { photoFileId },
  });
}
