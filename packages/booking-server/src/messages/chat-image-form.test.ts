// The multipart body of POST /api/bookings/[id]/images, read the way both apps' route handlers read it (the body
// itself is read by app-server's readMultipartForm, tested there).
import { describe, expect, it } from "vitest";
import { MAX_CHAT_IMAGE_BYTES } from "./chat-image-file";
import { chatImageFormFields, chatImageUploadCap } from "./chat-image-form";

describe("chatImageFormFields", () => {
  it("reads the file, the clientMessageId and an optional caption", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array([1, 2, 3])], "x.png", { type: "image/png" }));
    form.set("clientMessageId", "photo-msg-0001");
    const read = chatImageFormFields(form);
    expect(read.clientMessageId).toBe("photo-msg-0001");
    expect(read.text).toBeNull();
    expect(new Uint8Array(await read.file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));

    form.set("text", "the gate");
    expect(chatImageFormFields(form)).toMatchObject({ text: "the gate" });
  });

  it("refuses a missing file", () => {
    const noFile = new FormData();
    noFile.set("clientMessageId", "photo-msg-0001");
    expect(() => chatImageFormFields(noFile)).toThrow(
      expect.objectContaining({ details: { problem: "image_missing" } }),
    );
  });
});

describe("chatImageUploadCap", () => {
  // Finding 6 (issue 9): an oversized body is a 413 like every other, the photo rule still in words on `file`.
  it("caps the body at the photo limit and refuses past it as payload_too_large, in the caller's language", () => {
    const cap = chatImageUploadCap("id");
    expect(cap.maxFileBytes).toBe(MAX_CHAT_IMAGE_BYTES);
    expect(cap.tooLarge()).toMatchObject({
      code: "payload_too_large",
      details: { problem: "image_too_large" },
      issues: [{ path: "file", message: "Foto ini lebih besar dari 5 MB. Silakan pilih foto yang lebih kecil." }],
    });
  });
});
