import "server-only";
// The payment path of a commission: the therapist uploads a transfer proof (submitCommissionPayment), support
// approves it (approveCommissionPayment), and once nothing is overdue the restriction is lifted (booking-core
// restrictionChange; restrictions an admin set for other reasons are left alone).
import { approvePayment, submitPaymentProof } from "@tenang/booking-core/commission";
import { DomainError, isDomainError } from "@tenang/booking-core/errors";
import type { CommissionRecord } from "@tenang/booking-core/schemas/commission";
import type { BookingServerContext } from "../context";
import { changeCommission, restrictionEffectsAfter } from "./commission-changes";
import { requireCommission } from "../shared/commission-repository";

export async function submitCommissionPayment(
  ctx: BookingServerContext,
  args: { therapistId: string; commissionId: string; proofFileId: string },
): Promise<CommissionRecord> {
  const owned = await requireCommission(ctx, args.commissionId);
  if (owned.therapistId !== args.therapistId) throw new DomainError("not_found", "commission record not found");
  const { record } = await changeCommission(ctx, args.commissionId, "payment_proof", (current, now) => {
    const next = submitPaymentProof(current, args.proofFileId, now);
    if (isDomainError(next)) throw next;
    return { record: next, effects: [] };
  });
  return record;
}

export async function approveCommissionPayment(
  ctx: BookingServerContext,
  args: { commissionId: string; adminId: string },
): Promise<CommissionRecord> {
  const { record } = await changeCommission(ctx, args.commissionId, "payment_approved", async (current, now) => {
    const next = approvePayment(current, now);
    if (isDomainError(next)) throw next;
    return { record: next, effects: await restrictionEffectsAfter(ctx, next, now) };
  });
  return record;
}
