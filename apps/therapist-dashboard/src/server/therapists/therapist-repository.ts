import "server-only";
import { DomainError, userMessageFor } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import type { TherapistProfileInput } from "@tenang/booking-core/schemas/therapist";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { AppwriteException, Query } from "node-appwrite";
import { createAdminTablesDB } from "@/server/appwrite/admin-client";
import { databaseId } from "@/server/appwrite/resource-ids";

// This app's own therapist-row access, for what the booking engine does not cover (sign-in by phone, the profile).

/**
 * The user linked to the therapist with this WhatsApp number (E.164), for signing in by phone. The number is unique
 * (the therapists table's idx_whatsapp, and the profile refuses a number in use); should two rows ever share one
 * anyway, it signs in to neither rather than to whichever row the database returns first.
 */
export async function findTherapistUserIdByWhatsapp(whatsapp: string): Promise<string | null> {
  const { rows } = await createAdminTablesDB().listRows({
    databaseId: databaseId(),
    tableId: TABLES.therapists,
    queries: [Query.equal("whatsapp", whatsapp), Query.limit(2)],
    total: false,
  });
  if (rows.length !== 1) return null;
  const userId: unknown = rows[0]?.userId;
  return typeof userId === "string" && userId !== "" ? userId : null;
}

/** Whether a therapist other than `therapistId` has this WhatsApp number (E.164). */
async function isWhatsappUsedByAnother(therapistId: string, whatsapp: string): Promise<boolean> {
  const { rows } = await createAdminTablesDB().listRows({
    databaseId: databaseId(),
    tableId: TABLES.therapists,
    queries: [Query.equal("whatsapp", whatsapp), Query.limit(2)],
    total: false,
  });
  return rows.some((row) => row.$id !== therapistId);
}

/**
 * Writes the profile form's fields (booking-core's therapistProfileInputSchema output) to the therapist's row. The
 * WhatsApp number signs in to this account, so one that another therapist uses is refused (whatsapp_in_use, 409,
 * worded for the form's field in `locale`): checked first for the clear answer, and by the unique index when two
 * saves race past the check.
 */
export async function updateTherapistProfile(
  therapistId: string,
  input: TherapistProfileInput,
  locale: Locale,
): Promise<void> {
  const inUse = () =>
    new DomainError("whatsapp_in_use", "whatsapp number used by another therapist", {
      issues: [{ path: "whatsapp", message: userMessageFor("whatsapp_in_use", locale) }],
    });
  if (await isWhatsappUsedByAnother(therapistId, input.whatsapp)) throw inUse();
  const { workingHours, ...columns } = input;
  try {
    await createAdminTablesDB().updateRow({
      databaseId: databaseId(),
      tableId: TABLES.therapists,
      rowId: therapistId,
      data: { ...columns, workingHoursStart: workingHours.start, workingHoursEnd: workingHours.end },
    });
  } catch (error) {
    // The only unique column the form writes is the number.
    if (error instanceof AppwriteException && error.code === 409) throw inUse();
    throw error;
  }
}

export async function setTherapistPhoto(therapistId: string, photoFileId: string): Promise<void> {
  await createAdminTablesDB().updateRow({
    databaseId: databaseId(),
    tableId: TABLES.therapists,
    rowId: therapistId,
    data: { photoFileId },
  });
}
