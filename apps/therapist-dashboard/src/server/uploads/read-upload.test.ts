import { describe, expect, it } from "vitest";
import { PHOTO_RULES, PROOF_RULES, readUpload } from "./read-upload";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const PDF = new TextEncoder().encode("%PDF-1.7\n");

function post(file?: File): Request {
  const form = new FormData();
  if (file) form.set("file", file);
  return new Request("http://localhost/api/profile/photo", { method: "POST", body: form });
}

describe("readUpload", () => {
  it("judges the file by its bytes and stores it under the extension they say", async () => {
    const upload = await readUpload(post(new File([PNG], "me.jpg", { type: "image/jpeg" })), PHOTO_RULES);
    expect(upload.name).toBe("me.png");
    expect([...upload.bytes]).toEqual([...PNG]);
  });

  it("takes a PDF as a payment proof, not as a profile photo", async () => {
    const pdf = () => new File([PDF], "transfer.pdf", { type: "application/pdf" });
    await expect(readUpload(post(pdf()), PROOF_RULES)).resolves.toMatchObject({ name: "transfer.pdf" });
    await expect(readUpload(post(pdf()), PHOTO_RULES)).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ path: "file", message: "Use one of: jpg, jpeg, png, webp." }],
    });
  });

  it.each([
    ["no file", undefined, "Choose a file to upload."],
    ["an empty file", new File([], "me.png", { type: "image/png" }), "Choose a file to upload."],
    [
      "text named and declared as a photo",
      new File(["hello"], "me.png", { type: "image/png" }),
      "Use one of: jpg, jpeg, png, webp.",
    ],
  ])("refuses %s as validation_failed on `file`", async (_name, file, message) => {
    await expect(readUpload(post(file), PHOTO_RULES)).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ path: "file", message }],
    });
  });

  it("refuses a body past the cap as payload_too_large (413), the cap in words on `file`", async () => {
    const big = new Uint8Array(PHOTO_RULES.maxBytes + 128 * 1024);
    big.set(PNG);
    await expect(readUpload(post(new File([big], "me.png", { type: "image/png" })), PHOTO_RULES)).rejects.toMatchObject(
      {
        code: "payload_too_large",
        issues: [{ path: "file", message: "The file is larger than 5 MB." }],
      },
    );
  });
});
