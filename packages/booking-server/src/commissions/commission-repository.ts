import "server-only";
// The only file that maps commission rows (id = booking id, one record per booking).
import { DomainError } from "@tenang/booking-core/errors";
import { type CommissionRecord, commissionRecordSchema } from "@tenang/booking-core/schemas/commission";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRows } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

export function commissionFromRow(row: Row): CommissionRecord {
  return commissionRecordSchema.parse({ ...row, id: row.$id, createdAt: row.$createdAt, updatedAt: row.$updatedAt });
}

export function commissionRowData(record: CommissionRecord): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...columns } = record;
  return columns;
}

export async function findCommission(
  ctx: BookingServerContext,
  commissionId: string,
): Promise<CommissionRecord | null> {
  const row = await getRowOrNull(ctx, TABLES.commissions, commissionId);
  return row ? commissionFromRow(row) : null;
}

export async function requireCommission(ctx: BookingServerContext, commissionId: string): Promise<CommissionRecord> {
  const found = await findCommission(ctx, commissionId);
  if (!found) throw new DomainError("not_found", "commission record not found");
  return found;
}

export async function listCommissionsOfTherapist(
  ctx: BookingServerContext,
  therapistId: string,
): Promise<CommissionRecord[]> {
  const rows = await listRows(ctx, TABLES.commissions, [Query.equal("therapistId", therapistId), Query.limit(500)]);
  return rows.map(commissionFromRow);
}

/** Due records whose deadline has passed (index status + dueAt). */
export async function listOverdueCandidates(ctx: BookingServerContext, now: Date): Promise<CommissionRecord[]> {
  const rows = await listRows(ctx, TABLES.commissions, [
    Query.equal("status", "due"),
    Query.lessThanEqual("dueAt", now.toISOString()),
    Query.orderAsc("dueAt"),
    Query.limit(200),
  ]);
  return rows.map(commissionFromRow);
}

/** The first `dueAt` of a due record after `after`, or at or before `atOrBefore` (the worker's next-due question). */
export async function firstCommissionDueAt(
  ctx: BookingServerContext,
  bound: { after?: Date; atOrBefore?: Date },
): Promise<Date | null> {
  const [row] = await listRows(ctx, TABLES.commissions, [
    Query.equal("status", "due"),
    ...(bound.after ? [Query.greaterThan("dueAt", bound.after.toISOString())] : []),
    ...(bound.atOrBefore ? [Query.lessThanEqual("dueAt", bound.atOrBefore.toISOString())] : []),
    Query.orderAsc("dueAt"),
    Query.limit(1),
    Query.select(["dueAt"]),
  ]);
  return typeof row?.dueAt === "string" ? new Date(row.dueAt) : null;
}
