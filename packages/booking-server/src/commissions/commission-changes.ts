import "server-only";
// Commission record changes outside a booking transition (overdue, proof submitted, payment approved), each in one
// transaction with the provider's restriction and under the therapist's hold lock, so two sweepers or two admins
// cannot apply the same change twice and a restriction never disagrees with the records.
import { providerOf, restrictionChange } from "@tenang/booking-core/commission";
import type { Effect } from "@tenang/booking-core/effects";
import { DomainError } from "@tenang/booking-core/errors";
import type { CommissionRecord } from "@tenang/booking-core/schemas/commission";
import { commitWriteSet, WriteSet } from "../appwrite/write-set";
import { stageTherapistHolds } from "../therapists/therapist-holds";
import type { BookingServerContext } from "../context";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { TherapistCache } from "../therapists/therapist-repository";
import { commissionRowData, listCommissionsOfTherapist, requireCommission } from "./commission-repository";
import { MAX_RACE_ATTEMPTS, waitAfterLostRace } from "../shared/lost-race";

export interface CommissionChange {
  record: CommissionRecord;
  /** restrict_provider / lift_restriction (notify effects are delivered by Realtime on the rows). */
  effects: readonly Effect[];
}

/**
 * Reads the record, lets `decide` compute the change (null = nothing to do), and commits it. A lost race re-reads
 * and decides again, so the second of two identical changes finds nothing left to do.
 */
export async function changeCommission(
  ctx: BookingServerContext,
  commissionId: string,
  reason: string,
  decide: (record: CommissionRecord, now: Date) => Promise<CommissionChange | null> | CommissionChange | null,
): Promise<{ record: CommissionRecord; changed: boolean }> {
  for (let attempt = 1; attempt <= MAX_RACE_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await waitAfterLostRace(attempt - 1);
    const current = await requireCommission(ctx, commissionId);
    const now = ctx.clock();
    const change = await decide(current, now);
    if (change === null) return { record: current, changed: false };
    const set = new WriteSet().update(TABLES.commissions, commissionId, commissionRowData(change.record));
    const patches = new Map<string, Record<string, unknown>>();
    const therapistId = current.providerType === "therapist" ? current.therapistId : null;
    // The therapist lock is taken even without a restriction change: it serialises every change to their records.
    if (therapistId) patches.set(therapistId, {});
    for (const effect of change.effects) {
      if (effect.type === "restrict_provider" || effect.type === "lift_restriction") {
        const data =
          effect.type === "restrict_provider"
            ? { isRestricted: true, restrictedReason: effect.reason }
            : { isRestricted: false, restrictedReason: null };
        if (effect.provider.providerType === "therapist") patches.set(effect.provider.therapistId, data);
        else set.update(TABLES.places, effect.provider.placeId, data);
      }
    }
    await stageTherapistHolds(set, new TherapistCache(ctx), patches, {
      bookingId: current.bookingId,
      reason,
      at: now.toISOString(),
    });
    const outcome = await commitWriteSet(ctx, set);
    if (outcome.ok) return { record: change.record, changed: true };
  }
  throw new DomainError("service_unavailable", "the commission is being updated, try again", { retryAfterMs: 500 });
}

/** restrictionChange over all of the provider's records with `updated` in place of its stored version. */
export async function restrictionEffectsAfter(
  ctx: BookingServerContext,
  updated: CommissionRecord,
  now: Date,
): Promise<Effect[]> {
  const provider = providerOf(updated);
  if (provider.providerType !== "therapist") return [];
  const therapists = new TherapistCache(ctx);
  const { therapist } = await therapists.get(provider.therapistId);
  const records = (await listCommissionsOfTherapist(ctx, provider.therapistId)).map((r) =>
    r.id === updated.id ? updated : r,
  );
  return restrictionChange(provider, therapist, records, now);
}
