import "server-only";
// The deadlines nobody is watching: offers that ran out (→ next therapist, "auto-retry"), customers who did not
// decide in time, scheduled searches past their response deadline, and commissions past their payment deadline
// (→ overdue, late fee, therapist restricted). Run it every few seconds from a cron route or worker; every deadline
// is found through an index on the booking/commission row, so nothing needs to be scheduled in advance.
//
// Safe to run from several processes at once: each booking is advanced from the version it was listed at, under the
// booking's lock row, so of two sweepers (or a sweeper and a person) exactly one advances it; the other counts a
// conflict and moves on.
import { markOverdue } from "@tenang/booking-core/commission";
import { isDomainError } from "@tenang/booking-core/errors";
import type { BookingEvent } from "@tenang/booking-core/lifecycle/events";
import { Query } from "node-appwrite";
import { type StoredBooking, listBookings } from "../shared/booking-repository";
import { changeBooking } from "../bookings/booking-engine";
import { loadDispatchInputs } from "../bookings/dispatch-inputs";
import { changeCommission } from "../commissions/commission-changes";
import { listOverdueCandidates } from "../commissions/commission-repository";
import type { BookingServerContext } from "../context";
import { endExpiredAdminSessions } from "../sessions/end-expired-admin-sessions";

/** How often a sweeping process also ends expired admin sessions, and when this one last did. */
const SESSION_SWEEP_EVERY_MS = 60_000;
let lastSessionSweepAt = Number.NEGATIVE_INFINITY;

/** Bookings per deadline kind per sweep; the next sweep takes the rest. */
const BATCH = 100;
const SYSTEM = { role: "system" } as const;

type DueKind = "response_deadline" | "offer_timeout" | "decision_timeout";

async function listDue(
  ctx: BookingServerContext,
  now: string,
): Promise<Array<{ kind: DueKind; stored: StoredBooking }>> {
  const due = async (status: string, column: string) =>
    listBookings(ctx, [
      Query.equal("status", status),
      Query.lessThanEqual(column, now),
      Query.orderAsc(column),
      Query.limit(BATCH),
    ]);
  const [responses, offers, decisions] = await Promise.all([
    due("searching", "responseDeadline"),
    due("searching", "offerExpiresAt"),
    due("therapist_found", "customerDecisionDeadline"),
  ]);
  const seen = new Set<string>();
  const out: Array<{ kind: DueKind; stored: StoredBooking }> = [];
  // A search past its response deadline ends; its open offer need not be timed out first.
  for (const [kind, list] of [
    ["response_deadline", responses],
    ["offer_timeout", offers],
    ["decision_timeout", decisions],
  ] as const) {
    for (const stored of list) {
      if (seen.has(stored.booking.id)) continue;
      seen.add(stored.booking.id);
      out.push({ kind, stored });
    }
  }
  return out;
}

export interface SweepResult {
  /** Bookings and commission records this sweep moved on. */
  advanced: number;
  /** Admin sessions ended for being past the admin's absolute limit (see sessions/end-expired-admin-sessions). */
  sessionsEnded: number;
  /** Ones someone else moved first (another sweeper, or a person acting at the deadline). */
  conflicts: number;
}

export async function sweepDueBookings(ctx: BookingServerContext): Promise<SweepResult> {
  const now = ctx.clock();
  const result: SweepResult = { advanced: 0, conflicts: 0, sessionsEnded: 0 };

  for (const { kind, stored } of await listDue(ctx, now.toISOString())) {
    const version = stored.booking.version;
    try {
      await changeBooking(ctx, {
        bookingId: stored.booking.id,
        initial: stored,
        onMoved: "fail",
        buildEvent: async ({ booking }, therapists): Promise<BookingEvent> => {
          const base = { expectedVersion: version, actor: SYSTEM };
          if (kind === "response_deadline") return { ...base, type: "response_deadline_passed" };
          if (kind === "decision_timeout") return { ...base, type: "decision_timed_out" };
          const inputs = await loadDispatchInputs(ctx, booking, ctx.clock(), therapists);
          return { ...base, type: "offer_timed_out", offerId: booking.currentOfferId ?? "", ...inputs };
        },
      });
      result.advanced += 1;
    } catch (error) {
      // Moved by someone else since it was listed (version_conflict), or no longer due in its new state.
      if (isDomainError(error)) result.conflicts += 1;
      else throw error;
    }
  }

  for (const record of await listOverdueCandidates(ctx, now)) {
    try {
      const { changed } = await changeCommission(ctx, record.id, "commission_overdue", (current, at) =>
        markOverdue(current, at),
      );
      if (changed) result.advanced += 1;
      else result.conflicts += 1;
    } catch (error) {
      if (isDomainError(error)) result.conflicts += 1;
      else throw error;
    }
  }
  // Minutes matter here, not seconds: one look a minute (per process) keeps the Users API calls off every tick.
  if (now.getTime() - lastSessionSweepAt >= SESSION_SWEEP_EVERY_MS) {
    lastSessionSweepAt = now.getTime();
    result.sessionsEnded = await endExpiredAdminSessions(ctx);
  }
  return result;
}
