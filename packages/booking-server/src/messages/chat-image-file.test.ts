// What counts as a chat image: decided by the first bytes, within the chat-images bucket's own rules.
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { buckets } from "@tenang/db/schema";
import { describe, expect, it } from "vitest";
import { CHAT_IMAGE_EXTENSIONS, MAX_CHAT_IMAGE_BYTES, sniffChatImageType } from "./chat-image-file";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("sniffChatImageType", () => {
  it.each([
    ["PNG", bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "image/png"],
    ["JPEG (JFIF)", Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "image/jpeg"],
    ["JPEG (Exif)", Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0x2a, 0x10]), "image/jpeg"],
    ["WebP", bytes("RIFF\x24\0\0\0WEBPVP8 "), "image/webp"],
    ["WAV (RIFF, not WebP)", bytes("RIFF\x24\0\0\0WAVEfmt "), null],
    ["GIF", bytes("GIF89a\x01\0\x01\0"), null],
    ["SVG", bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"), null],
    ["HEIC", bytes("\0\0\0\x18ftypheic"), null],
    ["text", bytes("not a photo at all\n"), null],
    ["a cut-off PNG signature", bytes("\x89P"), null],
    ["nothing", new Uint8Array(0), null],
  ])("%s", (_name, head, expected) => {
    expect(sniffChatImageType(head)).toBe(expected);
  });
});

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
