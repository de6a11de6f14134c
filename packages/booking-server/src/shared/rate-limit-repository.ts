import "server-only";
// booking-core's rate limits kept in rate_limits rows: token-bucket state (one row per action and subject, written in
// the same transaction as the work it allows, so a request that fails consumes nothing), and fixed-window attempt
// counters (one row per action, subject and window, in the `count` column).
import {
  type AttemptAction,
  type AttemptCounter,
  type RateLimitAction,
  type RateLimitDecision,
  type RateLimitState,
  attemptCounters,
  attemptLimitError,
  decideRateLimit,
  RATE_LIMIT_ROW_STALE_AFTER_MS,
  rateLimitError,
  rateLimitRowId,
  rateLimitRules,
} from "@tenang/booking-core/rate-limit";
import { isConflict, isLimitExceeded, isNotFound } from "../appwrite/appwrite-errors";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { TABLES } from "@tenang/booking-core/resource-ids";
import type { WriteSet } from "../appwrite/write-set";
import { getRowOrNull } from "./rows";

function parseState(text: unknown): RateLimitState | null {
  if (typeof text !== "string") return null;
  try {
    const value = JSON.parse(text) as Partial<RateLimitState>;
    return typeof value.tokens === "number" && typeof value.updatedAt === "number"
      ? { tokens: value.tokens, updatedAt: value.updatedAt }
      : null;
  } catch {
    return null;
  }
}

export interface RateLimitGrant {
  rowId: string;
  decision: RateLimitDecision;
}

/** Decides one request; throws DomainError rate_limited when denied. Store the grant with `stageRateLimit`. */
export async function takeRateLimit(
  ctx: BookingServerContext,
  action: RateLimitAction,
  subject: string,
  now: Date,
): Promise<RateLimitGrant> {
  const rowId = rateLimitRowId(action, subject);
  const row = await getRowOrNull(ctx, TABLES.rateLimits, rowId);
  const decision = decideRateLimit(parseState(row?.state), rateLimitRules[action], now.getTime());
  if (!decision.allowed) throw rateLimitError(decision);
  return { rowId, decision };
}

export function stageRateLimit(set: WriteSet, grant: RateLimitGrant): void {
  set.upsert(TABLES.rateLimits, grant.rowId, { state: JSON.stringify(grant.decision.state) });
}

/**
 * For throttles that guard no other write (sign-in attempts, new guest sessions): counts one attempt in each of the
 * action's windows in turn and throws rate_limited at the first that is full. Each count is Appwrite's atomic
 * increment bounded by the window's limit, so the server refuses past it: exactly the limit passes however many
 * requests race, on however many app instances. A refused attempt is not counted in the later windows.
 */
export async function consumeRateLimit(
  ctx: BookingServerContext,
  action: AttemptAction,
  subject: string,
  now: Date = ctx.clock(),
): Promise<void> {
  for (const counter of attemptCounters(action, subject, now.getTime())) {
    if (!(await countAttempt(ctx, counter))) throw attemptLimitError(counter, now.getTime());
  }
}

/** One more attempt on the counter; false when it is already at its limit. */
async function countAttempt(ctx: BookingServerContext, counter: AttemptCounter): Promise<boolean> {
  const row = { databaseId: ctx.databaseId, tableId: TABLES.rateLimits, rowId: counter.rowId };
  const increment = async () => {
    try {
      await ctx.tablesDB.incrementRowColumn({ ...row, column: "count", value: 1, max: counter.limit });
      return true;
    } catch (error) {
      if (isLimitExceeded(error)) return false;
      throw error;
    }
  };
  try {
    return await increment();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  // The window's first attempt creates its row; a concurrent first attempt may win that race, then this one counts.
  try {
    await ctx.tablesDB.createRow({
      ...row,
      data: { count: 1, state: JSON.stringify({ resetAt: new Date(counter.resetAt).toISOString() }) },
    });
    return true;
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  return increment();
}

/**
 * Deletes the rate-limit rows nothing can need any more (untouched for RATE_LIMIT_ROW_STALE_AFTER_MS: counters of
 * ended windows, buckets long since full), so one row per subject and window does not pile up. The worker runs it
 * (jobs/housekeeping-jobs).
 */
export async function deleteStaleRateLimitRows(ctx: BookingServerContext, now: Date = ctx.clock()): Promise<number> {
  const cutoff = new Date(now.getTime() - RATE_LIMIT_ROW_STALE_AFTER_MS).toISOString();
  const { total } = await ctx.tablesDB.deleteRows({
    databaseId: ctx.databaseId,
    tableId: TABLES.rateLimits,
    queries: [Query.lessThan("$updatedAt", cutoff)],
  });
  return total;
}
