import "server-only";
// A therapist goes online (receives immediate offers) or offline. A restricted therapist (overdue commission) may not
// go online, and is told why. Written under the therapist's hold lock like every other change to their row.
import { DomainError } from "@tenang/booking-core/errors";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { commitWriteSet, WriteSet } from "../appwrite/write-set";
import { stageTherapistHolds } from "./therapist-holds";
import type { BookingServerContext } from "../context";
import { TherapistCache } from "./therapist-repository";
import { MAX_RACE_ATTEMPTS, waitAfterLostRace } from "../shared/lost-race";

export async function setTherapistOnline(
  ctx: BookingServerContext,
  args: { therapistId: string; online: boolean },
): Promise<Therapist> {
  for (let attempt = 1; attempt <= MAX_RACE_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await waitAfterLostRace(attempt - 1);
    const therapists = new TherapistCache(ctx);
    const { therapist } = await therapists.get(args.therapistId);
    if (args.online && therapist.isRestricted) {
      const reason = therapist.restrictedReason ?? "restricted";
      throw new DomainError("provider_restricted", `cannot go online while restricted: ${reason}`, {
        details: { reason },
      });
    }
    if (therapist.isOnline === args.online) return therapist;
    // Coming back online starts a fresh count of missed offers (three in a row took them offline).
    const patch = args.online ? { isOnline: true, missedOffersInRow: 0 } : { isOnline: false };
    const set = new WriteSet();
    await stageTherapistHolds(set, therapists, new Map([[args.therapistId, patch]]), {
      bookingId: null,
      reason: args.online ? "go_online" : "go_offline",
      at: ctx.clock().toISOString(),
    });
    const outcome = await commitWriteSet(ctx, set);
    if (outcome.ok) return { ...therapist, ...patch };
  }
  throw new DomainError("service_unavailable", "the therapist is being updated, try again", { retryAfterMs: 500 });
}
