import "server-only";
// What the worker runs: every timed job of the marketplace behind one small interface, so the loop (worker-loop.ts)
// knows nothing about bookings or commissions and a new job is one entry in job-registry.ts.
import { hash53 } from "@tenang/booking-core/hash";
import type { BookingServerContext } from "../context";

/** Which due items this process takes, decided from the live workers' leases (worker-heartbeats.ts). */
export interface JobScope {
  /** Whether `itemId` is in this worker's share; another live worker takes the rest. */
  owns(itemId: string): boolean;
  /** Whether this worker runs the once-per-fleet housekeeping (the live worker whose id sorts first). */
  leads: boolean;
}

/** A single process that takes everything (`sweepDueBookings`, tests). */
export const WHOLE_SCOPE: JobScope = { owns: () => true, leads: true };

/**
 * The share of worker `selfId` among the live `workerIds`: an item belongs to the worker at its hash modulo their
 * number. Two workers that briefly disagree about who is alive may both try an item; the item's own lock (a booking's
 * version, a commission's therapist hold) lets exactly one of them change it, so the share only saves work.
 */
export function scopeFor(selfId: string, workerIds: readonly string[]): JobScope {
  const members = [...new Set([...workerIds, selfId])].sort();
  const index = members.indexOf(selfId);
  if (members.length === 1) return WHOLE_SCOPE;
  return {
    owns: (itemId) => Number.parseInt(hash53(itemId).slice(-8), 16) % members.length === index,
    leads: index === 0,
  };
}

export interface JobResult {
  /** Items this job moved on. */
  done: number;
  /** Items someone else moved first (another worker, or a person acting at the deadline). */
  conflicts: number;
  /** Items that failed with an unexpected error (logged; retried on the next pass). */
  failed: number;
  /** A full batch was handled: run again at once instead of sleeping. */
  more: boolean;
}

export const NOTHING_DONE: JobResult = { done: 0, conflicts: 0, failed: 0, more: false };

export interface Job {
  /** Short and kebab-case: the worker's log lines and heartbeat name jobs by it. */
  name: string;
  /** The earliest moment after `now` at which this job will have work (a deadline), or null for none known. */
  nextDueAfter(ctx: BookingServerContext, now: Date, scope: JobScope): Promise<Date | null>;
  /** The oldest deadline at or before `now` still waiting (for the heartbeat's lag), or null. */
  oldestOverdue?(ctx: BookingServerContext, now: Date): Promise<Date | null>;
  /** Handles what is due at ctx.clock() and in `scope`. */
  run(ctx: BookingServerContext, scope: JobScope): Promise<JobResult>;
}
