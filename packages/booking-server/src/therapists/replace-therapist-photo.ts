import "server-only";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import type { BookingServerContext } from "../context";
import { deleteProviderPhoto, storeProviderPhoto } from "../files/photo-repository";
import type { Upload } from "../files/upload";
import { setTherapistPhoto } from "./update-therapist-profile";

/**
 * Replaces a therapist's profile photo: the new file first, then the row, then the old file (never a row without a
 * file; an old file left behind is only wasted space). Answers with the therapist as now stored.
 */
export async function replaceTherapistPhoto(
  ctx: BookingServerContext,
  args: { therapist: Therapist; upload: Upload },
): Promise<Therapist> {
  const { therapist } = args;
  const fileId = await storeProviderPhoto(ctx, args.upload);
  await setTherapistPhoto(ctx, { therapistId: therapist.id, photoFileId: fileId });
  if (therapist.photoFileId) await deleteProviderPhoto(ctx, therapist.photoFileId).catch(() => undefined);
  return { ...therapist, photoFileId: fileId };
}
