import "server-only";
// Every change to a therapist's row is staged with their hold lock: therapist_holds/<id>-h<n> is created and the row's
// holdVersion moves to n + 1 in the same transaction. Two writers that read the same holdVersion create the same
// lock $id, so Appwrite commits only one of them: that is how one therapist is never given two bookings (or two
// immediate offers) at once. Used by the booking engine, going online/offline and commission changes.
import { TABLES } from "@tenang/booking-core/resource-ids";
import type { WriteSet } from "../appwrite/write-set";
import { therapistHoldId } from "../tables";
import type { TherapistCache } from "./therapist-repository";

/** The therapist lock + row update for every therapist the change touched. */
export async function stageTherapistHolds(
  set: WriteSet,
  therapists: TherapistCache,
  patches: ReadonlyMap<string, Record<string, unknown>>,
  meta: { bookingId: string | null; reason: string; at: string },
): Promise<void> {
  for (const [therapistId, data] of patches) {
    const { holdVersion } = await therapists.get(therapistId);
    set.create(TABLES.therapistHolds, therapistHoldId(therapistId, holdVersion), {
      therapistId,
      holdVersion,
      bookingId: meta.bookingId,
      reason: meta.reason.slice(0, 32),
      at: meta.at,
    });
    set.update(TABLES.therapists, therapistId, { ...data, holdVersion: holdVersion + 1 });
  }
}
