import "server-only";
// The therapist edits their own profile (the dashboard's form) or replaces their photo. Plain column writes: none of
// these columns takes part in a booking decision under the hold lock (working hours are read at dispatch time).
import { DomainError, userMessageFor } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import type { TherapistProfileInput } from "@tenang/booking-core/schemas/therapist";
import { isConflict } from "../appwrite/appwrite-errors";
import type { BookingServerContext } from "../context";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { isWhatsappUsedByAnother } from "./therapist-repository";

/**
 * Writes the profile form's fields (booking-core's therapistProfileInputSchema output) to the therapist's row. The
 * WhatsApp number signs in to this account, so one that another therapist uses is refused (whatsapp_in_use, 409,
 * worded for the form's field in `locale`): checked first for the clear answer, and by the unique index when two
 * saves race past the check.
 */
export async function updateTherapistProfile(
  ctx: BookingServerContext,
  args: { therapistId: string; input: TherapistProfileInput; locale: Locale },
): Promise<void> {
  const { therapistId, input, locale } = args;
  const inUse = () =>
    new DomainError("whatsapp_in_use", "whatsapp number used by another therapist", {
      issues: [{ path: "whatsapp", message: userMessageFor("whatsapp_in_use", locale) }],
    });
  if (await isWhatsappUsedByAnother(ctx, therapistId, input.whatsapp)) throw inUse();
  const { workingHours, ...columns } = input;
  try {
    await ctx.tablesDB.updateRow({
      databaseId: ctx.databaseId,
      tableId: TABLES.therapists,
      rowId: therapistId,
      data: { ...columns, workingHoursStart: workingHours.start, workingHoursEnd: workingHours.end },
    });
  } catch (error) {
    // The only unique column the form writes is the number.
    if (isConflict(error)) throw inUse();
    throw error;
  }
}

/** Points the therapist's row at a profile photo already stored in the therapist-photos bucket. */
export async function setTherapistPhoto(
  ctx: BookingServerContext,
  args: { therapistId: string; photoFileId: string },
): Promise<void> {
  await ctx.tablesDB.updateRow({
    databaseId: ctx.databaseId,
    tableId: TABLES.therapists,
    rowId: args.therapistId,
    data: { photoFileId: args.photoFileId },
  });
}
