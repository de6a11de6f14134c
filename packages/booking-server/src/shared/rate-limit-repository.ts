import "server-only";
// Token-bucket state (booking-core rate-limit) kept in rate_limits rows, one per action and subject. The state is
// written in the same transaction as the work it allows, so a request that fails consumes nothing.
import {
  type RateLimitAction,
  type RateLimitDecision,
  type RateLimitState,
  decideRateLimit,
  rateLimitError,
  rateLimitRowId,
  rateLimitRules,
} from "@tenang/booking-core/rate-limit";
import type { BookingServerContext } from "../context";
import { TABLES } from "../tables";
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
 * For limits that guard no other write (sign-in attempts, new guest sessions): decides and stores at once, and
 * throws rate_limited when denied. Two requests racing on one bucket may both read the same state, so a burst can
 * pass the limit by the number of requests in flight; for throttling guessing that is harmless, and it keeps the
 * check to one read and one write.
 */
export async function consumeRateLimit(
  ctx: BookingServerContext,
  action: RateLimitAction,
  subject: string,
  now: Date = ctx.clock(),
): Promise<void> {
  const rowId = rateLimitRowId(action, subject);
  const row = await getRowOrNull(ctx, TABLES.rateLimits, rowId);
  const decision = decideRateLimit(parseState(row?.state), rateLimitRules[action], now.getTime());
  // Stored also when denied: the state carries the refill.
  await ctx.tablesDB.upsertRow({
    databaseId: ctx.databaseId,
    tableId: TABLES.rateLimits,
    rowId,
    data: { state: JSON.stringify(decision.state) },
  });
  if (!decision.allowed) throw rateLimitError(decision);
}
