// Every upload's rules (booking-core upload-file) fit the bucket its files go to (packages/db): each type's stored
// extension is on the bucket's list, and the bucket takes at least the size the check lets through.
import { buckets } from "@tenang/db/schema";
import {
  CHAT_IMAGE_UPLOAD,
  PAYMENT_PROOF_UPLOAD,
  PROFILE_PHOTO_UPLOAD,
  UPLOAD_FILE_EXTENSIONS,
  type UploadRules,
} from "@tenang/booking-core/upload-file";
import { describe, expect, it } from "vitest";
import { BUCKETS } from "@tenang/booking-core/resource-ids";

describe("upload rules and their buckets", () => {
  it.each<[string, UploadRules]>([
    [BUCKETS.chatImages, CHAT_IMAGE_UPLOAD],
    ["therapist-photos", PROFILE_PHOTO_UPLOAD],
    [BUCKETS.paymentProofs, PAYMENT_PROOF_UPLOAD],
  ])("%s", (bucketId, rules) => {
    const bucket = buckets.find((b) => b.id === bucketId);
    expect(bucket).toBeDefined();
    for (const type of rules.types) expect(bucket!.allowedFileExtensions).toContain(UPLOAD_FILE_EXTENSIONS[type]);
    expect(bucket!.maximumFileSize).toBeGreaterThanOrEqual(rules.maxBytes);
  });
});
