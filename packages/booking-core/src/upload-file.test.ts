// What an upload is: decided by its first bytes, whatever its name and declared type say.
import { describe, expect, it } from "vitest";
import { MAX_CHAT_IMAGE_BYTES } from "./schemas/chat";
import {
  CHAT_IMAGE_UPLOAD,
  PAYMENT_PROOF_UPLOAD,
  PROFILE_PHOTO_UPLOAD,
  type UploadRules,
  checkUpload,
  isUploadFileType,
  sniffUploadType,
  storedFileName,
} from "./upload-file";

const bytes = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

const PNG = bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const WEBP = bytes("RIFF\x24\0\0\0WEBPVP8 ");
const PDF = bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
const SVG = bytes("<svg xmlns='http://www.w3.org/2000/svg'/>");

describe("sniffUploadType", () => {
  it.each([
    ["PNG", PNG, "image/png"],
    ["JPEG (JFIF)", JPEG, "image/jpeg"],
    ["JPEG (Exif)", Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0x2a, 0x10]), "image/jpeg"],
    ["WebP", WEBP, "image/webp"],
    ["PDF", PDF, "application/pdf"],
    ["WAV (RIFF, not WebP)", bytes("RIFF\x24\0\0\0WAVEfmt "), null],
    ["GIF", bytes("GIF89a\x01\0\x01\0"), null],
    ["SVG", SVG, null],
    ["HEIC", bytes("\0\0\0\x18ftypheic"), null],
    ["HTML", bytes("<!doctype html><script>"), null],
    ["text", bytes("not a photo at all\n"), null],
    ["a cut-off PNG signature", bytes("\x89P"), null],
    ["a cut-off PDF signature", bytes("%PD"), null],
    ["nothing", new Uint8Array(0), null],
  ])("%s", (_name, head, expected) => {
    expect(sniffUploadType(head)).toBe(expected);
  });
});

/** A file as a browser sends it: the bytes, plus a name and type the sender chose. */
const file = (content: Uint8Array<ArrayBuffer>, name = "upload.png", type = "image/png") =>
  new File([content], name, { type });

describe("checkUpload", () => {
  it.each<[string, UploadRules, File, string]>([
    ["a chat photo", CHAT_IMAGE_UPLOAD, file(JPEG, "IMG_0001.jpg", "image/jpeg"), "image/jpeg"],
    ["a profile photo", PROFILE_PHOTO_UPLOAD, file(WEBP, "me.webp", "image/webp"), "image/webp"],
    ["a payment proof photo", PAYMENT_PROOF_UPLOAD, file(PNG, "transfer.png"), "image/png"],
    ["a payment proof PDF", PAYMENT_PROOF_UPLOAD, file(PDF, "transfer.pdf", "application/pdf"), "application/pdf"],
    // The name and declared type prove nothing either way.
    ["a PNG named and declared as a JPEG", PROFILE_PHOTO_UPLOAD, file(PNG, "me.jpg", "image/jpeg"), "image/png"],
    ["a photo with no name or type", CHAT_IMAGE_UPLOAD, file(PNG, "", ""), "image/png"],
  ])("accepts %s by its bytes", async (_name, rules, upload, type) => {
    const checked = await checkUpload(upload, rules);
    expect(checked).toMatchObject({ ok: true, type });
    if (checked.ok) expect(checked.bytes.length).toBe(upload.size);
  });

  it.each<[string, UploadRules, Blob, string]>([
    ["an empty file", PROFILE_PHOTO_UPLOAD, file(new Uint8Array(0)), "missing"],
    [
      "text named like a photo",
      CHAT_IMAGE_UPLOAD,
      file(bytes("not a photo at all\n"), "notes.png"),
      "type_unsupported",
    ],
    ["an SVG declared as a photo", PROFILE_PHOTO_UPLOAD, file(SVG, "me.svg", "image/svg+xml"), "type_unsupported"],
    ["a PDF as a chat photo", CHAT_IMAGE_UPLOAD, file(PDF, "doc.pdf", "application/pdf"), "type_unsupported"],
    ["a PDF as a profile photo", PROFILE_PHOTO_UPLOAD, file(PDF, "me.png"), "type_unsupported"],
    ["a chat photo past 5 MB", CHAT_IMAGE_UPLOAD, file(new Uint8Array(MAX_CHAT_IMAGE_BYTES + 1)), "too_large"],
    ["a profile photo past 5 MB", PROFILE_PHOTO_UPLOAD, file(new Uint8Array(5 * 1024 * 1024 + 1)), "too_large"],
    ["a proof past 10 MB", PAYMENT_PROOF_UPLOAD, file(new Uint8Array(10 * 1024 * 1024 + 1)), "too_large"],
  ])("refuses %s", async (_name, rules, upload, problem) => {
    expect(await checkUpload(upload, rules)).toEqual({ ok: false, problem });
  });

  it("accepts a file of exactly the limit", async () => {
    const atLimit = new Uint8Array(PROFILE_PHOTO_UPLOAD.maxBytes);
    atLimit.set(PNG);
    expect(await checkUpload(file(atLimit), PROFILE_PHOTO_UPLOAD)).toMatchObject({ ok: true, type: "image/png" });
  });

  it("does not read a file past the limit", async () => {
    const tooLarge = { size: CHAT_IMAGE_UPLOAD.maxBytes + 1, arrayBuffer: () => Promise.reject(new Error("read")) };
    expect(await checkUpload(tooLarge as unknown as Blob, CHAT_IMAGE_UPLOAD)).toEqual({
      ok: false,
      problem: "too_large",
    });
  });
});

describe("the rules", () => {
  it("keep the types and sizes each upload took before the check was shared", () => {
    expect(CHAT_IMAGE_UPLOAD).toEqual({ types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 5 * 1024 * 1024 });
    expect(PROFILE_PHOTO_UPLOAD).toEqual({
      types: ["image/jpeg", "image/png", "image/webp"],
      maxBytes: 5 * 1024 * 1024,
    });
    expect(PAYMENT_PROOF_UPLOAD).toEqual({
      types: ["image/jpeg", "image/png", "image/webp", "application/pdf"],
      maxBytes: 10 * 1024 * 1024,
    });
  });

  it("know only the upload types", () => {
    expect(isUploadFileType("application/pdf")).toBe(true);
    expect(isUploadFileType("image/svg+xml")).toBe(false);
    expect(isUploadFileType("toString")).toBe(false);
  });
});

describe("storedFileName", () => {
  it.each([
    ["me.png", "image/png", "me.png"],
    ["IMG_0001.JPEG", "image/jpeg", "IMG_0001.JPEG"],
    ["IMG_0001.jpg", "image/jpeg", "IMG_0001.jpg"],
    ["me.jpg", "image/png", "me.png"],
    ["transfer.heic", "image/jpeg", "transfer.jpg"],
    ["scan", "application/pdf", "scan.pdf"],
    ["my.transfer.txt", "application/pdf", "my.transfer.pdf"],
    ["", "image/webp", "upload.webp"],
    [".hidden", "image/png", "upload.png"],
  ] as const)("%s holding %s is stored as %s", (name, type, stored) => {
    expect(storedFileName(name, type)).toBe(stored);
  });
});
