import "server-only";
// The transfer proof behind a commission record, read with the API key for operations (the route has checked the
// admin label). Only what the therapist dashboard accepts is served, so a stray file in the bucket is never sent
// with a type a browser would run.
import { DomainError } from "@tenang/booking-core/errors";
import { PAYMENT_PROOF_TYPES } from "@tenang/booking-core/upload-file";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { isNotFound } from "../appwrite/appwrite-errors";
import { requireCommission } from "../commissions/commission-repository";
import type { BookingServerContext } from "../context";

/** What a proof may be: a photo or a PDF of the bank transfer (what the upload's check accepts). */
export const PROOF_CONTENT_TYPES = PAYMENT_PROOF_TYPES;
export type ProofContentType = (typeof PROOF_CONTENT_TYPES)[number];

export interface CommissionProof {
  bytes: ArrayBuffer;
  contentType: ProofContentType;
  /** The name it was uploaded under, for a download's file name. */
  fileName: string;
}

const isProofType = (value: string): value is ProofContentType =>
  (PROOF_CONTENT_TYPES as readonly string[]).includes(value);

/** The proof of one record; `not_found` when the record has none (yet, or any more) or the file is missing. */
export async function readCommissionProof(ctx: BookingServerContext, commissionId: string): Promise<CommissionProof> {
  const record = await requireCommission(ctx, commissionId);
  const fileId = record.proofFileId;
  if (fileId === null) throw new DomainError("not_found", "this commission has no payment proof");
  try {
    const file = await ctx.storage.getFile({ bucketId: BUCKETS.paymentProofs, fileId });
    if (!isProofType(file.mimeType)) throw new DomainError("not_found", `proof ${fileId} is ${file.mimeType}`);
    const bytes = await ctx.storage.getFileView({ bucketId: BUCKETS.paymentProofs, fileId });
    return { bytes, contentType: file.mimeType, fileName: file.name };
  } catch (error) {
    if (isNotFound(error)) throw new DomainError("not_found", `proof file ${fileId} is missing`);
    throw error;
  }
}
