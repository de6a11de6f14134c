import "server-only";
// The booking deadlines nobody is watching: offers that ran out (→ next therapist, "auto-retry"), customers who did
// not decide in time, and searches past their response deadline (scheduled requests, spa requests). Every deadline is
// a column of the booking row behind an index (packages/db schema), so nothing is scheduled in advance and nothing is
// lost when a process dies: the next pass of any worker finds it with the same query.
//
// Exactly once: each booking is advanced from the version it was listed at, under the booking's lock row, in one
// transaction (bookings/booking-engine). Of two workers (or a worker and a person) exactly one advances it; the other
// counts a conflict. A worker killed mid-change leaves an uncommitted transaction, which Appwrite drops.
import { isDomainError } from "@tenang/booking-core/errors";
import type { BookingEvent } from "@tenang/booking-core/lifecycle/events";
import type { BookingStatus } from "@tenang/booking-core/schemas/booking";
import { Query } from "node-appwrite";
import { changeBooking } from "../bookings/booking-engine";
import { type StoredBooking, listBookings } from "../shared/booking-repository";
import { loadDispatchInputs } from "../bookings/dispatch-inputs";
import type { BookingServerContext } from "../context";
import { type Job, type JobResult, type JobScope } from "./job";

/** Bookings per job per pass; the next pass (at once, see JobResult.more) takes the rest. */
const BATCH = 100;
const SYSTEM = { role: "system" } as const;

type DeadlineColumn = "responseDeadline" | "offerExpiresAt" | "customerDecisionDeadline";

interface BookingDeadline {
  name: string;
  status: BookingStatus;
  column: DeadlineColumn;
  /** The event for a booking listed as due; `skip` when another job owns it. */
  event(ctx: BookingServerContext, stored: StoredBooking, now: Date): "skip" | BookingEventBuilder;
}

type BookingEventBuilder = Parameters<typeof changeBooking>[1]["buildEvent"];

const responseDeadlines: BookingDeadline = {
  name: "response-deadlines",
  status: "searching",
  column: "responseDeadline",
  event: (_ctx, stored) => async () => ({
    expectedVersion: stored.booking.version,
    actor: SYSTEM,
    type: "response_deadline_passed",
  }),
};

const offerDeadlines: BookingDeadline = {
  name: "offer-deadlines",
  status: "searching",
  column: "offerExpiresAt",
  event: (ctx, stored, now) => {
    // A search past its response deadline ends (response-deadlines); its open offer need not be timed out first.
    const { responseDeadline } = stored.booking;
    if (responseDeadline !== null && Date.parse(responseDeadline) <= now.getTime()) return "skip";
    return async ({ booking }, therapists): Promise<BookingEvent> => {
      const inputs = await loadDispatchInputs(ctx, booking, ctx.clock(), therapists);
      return {
        expectedVersion: stored.booking.version,
        actor: SYSTEM,
        type: "offer_timed_out",
        offerId: booking.currentOfferId ?? "",
        ...inputs,
      };
    };
  },
};

const decisionDeadlines: BookingDeadline = {
  name: "decision-deadlines",
  status: "therapist_found",
  column: "customerDecisionDeadline",
  event: (_ctx, stored) => async () => ({
    expectedVersion: stored.booking.version,
    actor: SYSTEM,
    type: "decision_timed_out",
  }),
};

async function firstDeadline(
  ctx: BookingServerContext,
  deadline: BookingDeadline,
  bound: { after?: Date; atOrBefore?: Date },
): Promise<Date | null> {
  const [first] = await listBookings(ctx, [
    Query.equal("status", deadline.status),
    ...(bound.after ? [Query.greaterThan(deadline.column, bound.after.toISOString())] : []),
    ...(bound.atOrBefore ? [Query.lessThanEqual(deadline.column, bound.atOrBefore.toISOString())] : []),
    Query.orderAsc(deadline.column),
    Query.limit(1),
  ]);
  const at = first?.booking[deadline.column];
  return typeof at === "string" ? new Date(at) : null;
}

async function runDeadline(ctx: BookingServerContext, deadline: BookingDeadline, scope: JobScope): Promise<JobResult> {
  const now = ctx.clock();
  const listed = await listBookings(ctx, [
    Query.equal("status", deadline.status),
    Query.lessThanEqual(deadline.column, now.toISOString()),
    Query.orderAsc(deadline.column),
    Query.limit(BATCH),
  ]);
  const result: JobResult = { done: 0, conflicts: 0, failed: 0, more: false };
  let taken = 0;
  for (const stored of listed) {
    if (!scope.owns(stored.booking.id)) continue;
    const buildEvent = deadline.event(ctx, stored, now);
    if (buildEvent === "skip") continue;
    taken += 1;
    try {
      await changeBooking(ctx, { bookingId: stored.booking.id, initial: stored, onMoved: "fail", buildEvent });
      result.done += 1;
    } catch (error) {
      // Moved by someone else since it was listed (version_conflict), or no longer due in its new state.
      if (isDomainError(error)) result.conflicts += 1;
      else throw error;
    }
  }
  // Only when this worker took something: a full page of other workers' items must not keep it spinning.
  result.more = listed.length === BATCH && taken > 0;
  return result;
}

function bookingDeadlineJob(deadline: BookingDeadline): Job {
  return {
    name: deadline.name,
    nextDueAfter: (ctx, now) => firstDeadline(ctx, deadline, { after: now }),
    oldestOverdue: (ctx, now) => firstDeadline(ctx, deadline, { atOrBefore: now }),
    run: (ctx, scope) => runDeadline(ctx, deadline, scope),
  };
}

/** In this order: a search past its response deadline ends before its offer would be timed out. */
export const bookingDeadlineJobs: readonly Job[] = [responseDeadlines, offerDeadlines, decisionDeadlines].map(
  bookingDeadlineJob,
);
