import "server-only";
// Commissions past their payment deadline: due → overdue with the Rp25.000 late fee, and the therapist restricted
// (booking-core markOverdue), in one transaction under the therapist's hold lock (commissions/commission-changes), so
// of two workers exactly one applies it and the other finds nothing left to do.
import { markOverdue } from "@tenang/booking-core/commission";
import { isDomainError } from "@tenang/booking-core/errors";
import { changeCommission } from "../commissions/commission-changes";
import { firstCommissionDueAt, listOverdueCandidates } from "../commissions/commission-repository";
import type { Job, JobResult } from "./job";

/** listOverdueCandidates' page size: a full page means more may wait. */
const PAGE = 200;

export const commissionOverdueJob: Job = {
  name: "overdue-commissions",
  nextDueAfter: (ctx, now) => firstCommissionDueAt(ctx, { after: now }),
  oldestOverdue: (ctx, now) => firstCommissionDueAt(ctx, { atOrBefore: now }),
  async run(ctx, scope) {
    const result: JobResult = { done: 0, conflicts: 0, failed: 0, more: false };
    const listed = await listOverdueCandidates(ctx, ctx.clock());
    let taken = 0;
    for (const record of listed) {
      if (!scope.owns(record.id)) continue;
      taken += 1;
      try {
        const { changed } = await changeCommission(ctx, record.id, "commission_overdue", (current, at) =>
          markOverdue(current, at),
        );
        if (changed) result.done += 1;
        else result.conflicts += 1;
      } catch (error) {
        if (isDomainError(error)) result.conflicts += 1;
        else throw error;
      }
    }
    result.more = listed.length === PAGE && taken > 0;
    return result;
  },
};
