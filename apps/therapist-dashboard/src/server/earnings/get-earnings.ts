import "server-only";
import type { CommissionRecord } from "@tenang/booking-core/schemas/commission";
import { listCommissionsOfTherapist } from "@tenang/booking-server/commissions/commission-repository";
import { findBankDetails } from "@tenang/booking-server/therapists/bank-details-repository";
import type { CommissionDto, EarningsResponse } from "@/lib/dto";
import { bookingContext } from "@/server/booking/booking-context";
import { amountsOwed, earningsTotals } from "./earnings-totals";

function toCommissionDto(record: CommissionRecord): CommissionDto {
  return {
    id: record.id,
    bookingId: record.bookingId,
    amount: record.amount,
    commission: record.commission,
    payout: record.payout,
    status: record.status,
    dueAt: record.dueAt,
    lateFee: record.lateFee,
    paidAt: record.paidAt,
    hasProof: record.proofFileId !== null,
    createdAt: record.createdAt,
    bookingDate: record.createdAt,
  };
}

/** The earnings page: totals per day/week/month, every commission record (newest first), what is owed, bank details. */
export async function getEarnings(args: { therapistId: string; userId: string }): Promise<EarningsResponse> {
  const ctx = bookingContext();
  const [records, bankDetails] = await Promise.all([
    listCommissionsOfTherapist(ctx, args.therapistId),
    findBankDetails(ctx, args.userId),
  ]);
  const now = ctx.clock();
  const sorted = [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    totals: earningsTotals(records, now),
    commissions: sorted.map(toCommissionDto),
    ...amountsOwed(records),
    bankDetails,
    serverTime: now.toISOString(),
  };
}
