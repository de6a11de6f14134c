import "server-only";
// The only file that touches the payment-proofs bucket (private: readable by operations through the bucket's
// label:admin, and by the uploader).
import { ID, Permission, Role } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { PAYMENT_PROOF_TYPES } from "@tenang/booking-core/upload-file";
import { isNotFound } from "../appwrite/appwrite-errors";
import type { BookingServerContext } from "../context";
import type { Upload } from "./upload";

/** A transfer proof, readable by its uploader (and operations through the bucket permission); its file id. */
export async function storePaymentProof(
  ctx: BookingServerContext,
  upload: Upload,
  uploaderUserId: string,
): Promise<string> {
  const file = await ctx.storage.createFile({
    bucketId: BUCKETS.paymentProofs,
    fileId: ID.unique(),
    file: InputFile.fromBuffer(upload.bytes, upload.name),
    permissions: [Permission.read(Role.user(uploaderUserId))],
  });
  return file.$id;
}

export type ProofContentType = (typeof PAYMENT_PROOF_TYPES)[number];

export interface PaymentProofFile {
  bytes: ArrayBuffer;
  contentType: ProofContentType;
  /** The name it was uploaded under, for a download's file name. */
  fileName: string;
}

const isProofType = (value: string): value is ProofContentType =>
  (PAYMENT_PROOF_TYPES as readonly string[]).includes(value);

/**
 * A stored proof, read with the API key; null when the file is missing or is not what the upload's check accepts
 * (a stray file in the bucket is never sent with a type a browser would run; its bytes are not even fetched).
 */
export async function readPaymentProof(ctx: BookingServerContext, fileId: string): Promise<PaymentProofFile | null> {
  try {
    const file = await ctx.storage.getFile({ bucketId: BUCKETS.paymentProofs, fileId });
    if (!isProofType(file.mimeType)) return null;
    const bytes = await ctx.storage.getFileView({ bucketId: BUCKETS.paymentProofs, fileId });
    return { bytes, contentType: file.mimeType, fileName: file.name };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
