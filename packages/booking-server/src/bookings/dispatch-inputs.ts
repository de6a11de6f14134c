import "server-only";
// What booking-core's dispatch needs for the next offer: the candidate therapists (read through the dispatch index)
// and their other bookings. Their rows go into the change's TherapistCache, so the lock version written is the one
// the ranking saw: if any of them changed meanwhile, the commit fails and the change is decided again.
import type { CommitmentsByTherapist } from "@tenang/booking-core/dispatch";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import type { BookingKind } from "@tenang/booking-core/schemas/booking";
import type { BookingServerContext } from "../context";
import { type TherapistCache, loadDispatchCandidates } from "../therapists/therapist-repository";
import { loadCommitments } from "../shared/booking-repository";

export interface DispatchInputs {
  candidates: Therapist[];
  commitments: CommitmentsByTherapist;
}

export async function loadDispatchInputs(
  ctx: BookingServerContext,
  booking: { kind: BookingKind; offeredTherapistIds: readonly string[] },
  now: Date,
  therapists: TherapistCache,
): Promise<DispatchInputs> {
  const snapshots = (await loadDispatchCandidates(ctx, booking.kind, now)).filter(
    // booking-core excludes them too; dropping them here saves the commitments query for them.
    (s) => !booking.offeredTherapistIds.includes(s.therapist.id),
  );
  therapists.add(snapshots);
  const candidates = snapshots.map((s) => s.therapist);
  const commitments = await loadCommitments(
    ctx,
    candidates.map((t) => t.id),
  );
  return { candidates, commitments };
}
