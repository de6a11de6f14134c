import "server-only";
import { submitPaymentProof } from "@tenang/booking-core/commission";
import { DomainError, isDomainError } from "@tenang/booking-core/errors";
import type { CommissionRecord } from "@tenang/booking-core/schemas/commission";
import type { BookingServerContext } from "../context";
import { storePaymentProof } from "../files/payment-proof-repository";
import type { Upload } from "../files/upload";
import { submitCommissionPayment } from "./approve-commission-payment";
import { requireCommission } from "./commission-repository";

/**
 * The therapist sends a transfer proof for one commission: checked first (theirs, and due or overdue), then stored in
 * the private `payment-proofs` bucket, then recorded (status paid_pending_review). An admin approves it later, which
 * lifts an overdue restriction.
 */
export async function uploadPaymentProof(
  ctx: BookingServerContext,
  args: { therapistId: string; userId: string; commissionId: string; upload: Upload },
): Promise<CommissionRecord> {
  const record = await requireCommission(ctx, args.commissionId);
  if (record.therapistId !== args.therapistId) throw new DomainError("not_found", "commission record not found");
  // Refuse before storing a file nobody will look at (already paid, not due yet, void).
  const check = submitPaymentProof(record, "check", ctx.clock());
  if (isDomainError(check)) throw check;
  const proofFileId = await storePaymentProof(ctx, args.upload, args.userId);
  return submitCommissionPayment(ctx, { therapistId: args.therapistId, commissionId: args.commissionId, proofFileId });
}
