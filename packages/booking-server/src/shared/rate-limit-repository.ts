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
