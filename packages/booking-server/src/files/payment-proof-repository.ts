import "server-only";
// The only file that writes the payment-proofs bucket (private: readable by operations through the bucket's
// label:admin, and by the uploader).
import { ID, Permission, Role } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
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
