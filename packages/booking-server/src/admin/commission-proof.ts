import "server-only";
// The transfer proof behind a commission record, read with the API key for operations (the route has checked the
// admin label). Only what the therapist dashboard accepts is served, so a stray file in the bucket is never sent
// with a type a browser would run.
import { DomainError } from "@tenang/booking-core/errors";
import { requireCommission } from "../commissions/commission-repository";
import type { BookingServerContext } from "../context";
import { readPaymentProof, type PaymentProofFile } from "../files/payment-proof-repository";

/** The proof of one record; `not_found` when the record has none (yet, or any more) or the file is missing. */
export async function readCommissionProof(ctx: BookingServerContext, commissionId: string): Promise<PaymentProofFile> {
  const record = await requireCommission(ctx, commissionId);
  const fileId = record.proofFileId;
  if (fileId === null) throw new DomainError("not_found", "this commission has no payment proof");
  const proof = await readPaymentProof(ctx, fileId);
  if (!proof) throw new DomainError("not_found", `proof file ${fileId} is missing or not a photo or PDF`);
  return proof;
}
