// What counts as a chat image is booking-core's checkUpload (upload-file.test.ts: the bytes decide); here, that the
// chat's rules fit the chat-images bucket's own, and how a refusal reads.
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { buckets } from "@tenang/db/schema";
import { describe, expect, it } from "vitest";
import { CHAT_IMAGE_EXTENSIONS, MAX_CHAT_IMAGE_BYTES, checkChatImageFile } from "./chat-image-file";

describe("the chat-images bucket (packages/db)", () => {
  it("accepts every extension stored files get, and at least the size the chat allows", () => {
    const bucket = buckets.find((b) => b.id === BUCKETS.chatImages);
    expect(bucket).toBeDefined();
    for (const extension of Object.values(CHAT_IMAGE_EXTENSIONS)) {
      expect(bucket!.allowedFileExtensions).toContain(extension);
    }
    expect(bucket!.maximumFileSize).toBeGreaterThanOrEqual(MAX_CHAT_IMAGE_BYTES);
    expect(bucket!.fileSecurity).toBe(true);
  });
});

describe("checkChatImageFile", () => {
  const photo = (content: string | Uint8Array, name = "photo.png", type = "image/png") =>
    new File([typeof content === "string" ? Buffer.from(content, "latin1") : content], name, { type });

  it("answers the bytes and the type they are", async () => {
    const png = Buffer.from("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "latin1");
    await expect(checkChatImageFile(photo(png, "photo.jpg", "image/jpeg"))).resolves.toMatchObject({
      type: "image/png",
    });
  });

  it.each([
    ["an empty file", photo(""), "image_missing", "Pilih foto untuk dikirim."],
    [
      "text named like a photo",
      photo("not a photo at all\n"),
      "image_type_unsupported",
      "Hanya foto JPEG, PNG, atau WebP yang bisa dikirim.",
    ],
    [
      "a PDF",
      photo("%PDF-1.7\n", "doc.pdf", "application/pdf"),
      "image_type_unsupported",
      "Hanya foto JPEG, PNG, atau WebP yang bisa dikirim.",
    ],
    [
      "a photo past 5 MB",
      photo(new Uint8Array(MAX_CHAT_IMAGE_BYTES + 1)),
      "image_too_large",
      "Foto ini lebih besar dari 5 MB. Silakan pilih foto yang lebih kecil.",
    ],
  ])("refuses %s as validation_failed, worded for the sender", async (_name, file, problem, message) => {
    await expect(checkChatImageFile(file, "id")).rejects.toMatchObject({
      code: "validation_failed",
      details: { problem },
      issues: [{ path: "file", message }],
    });
  });
});
