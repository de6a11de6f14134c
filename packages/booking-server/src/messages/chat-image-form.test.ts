// The multipart body of POST /api/bookings/[id]/images, read the way both apps' route handlers read it.
import { describe, expect, it } from "vitest";
import { MAX_CHAT_IMAGE_BYTES } from "./chat-image-file";
import { readChatImageForm } from "./chat-image-form";

const post = (body: FormData | string, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api/bookings/b1/images", { method: "POST", body, headers });

describe("readChatImageForm", () => {
  it("reads the file, the clientMessageId and an optional caption", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array([1, 2, 3])], "x.png", { type: "image/png" }));
    form.set("clientMessageId", "photo-msg-0001");
    const read = await readChatImageForm(post(form));
    expect(read.clientMessageId).toBe("photo-msg-0001");
    expect(read.text).toBeNull();
    expect(new Uint8Array(await read.file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));

    form.set("text", "the gate");
    expect(await readChatImageForm(post(form))).toMatchObject({ text: "the gate" });
  });

  it("refuses a body declared too large before reading it, a missing file, and a body that is not a form", async () => {
    const big = String(MAX_CHAT_IMAGE_BYTES + 1024 * 1024);
    await expect(readChatImageForm(post("x", { "content-length": big }), "id")).rejects.toMatchObject({
      code: "validation_failed",
      details: { problem: "image_too_large" },
      issues: [{ path: "file", message: "Foto ini lebih besar dari 5 MB. Silakan pilih foto yang lebih kecil." }],
    });
    const noFile = new FormData();
    noFile.set("clientMessageId", "photo-msg-0001");
    await expect(readChatImageForm(post(noFile))).rejects.toMatchObject({ details: { problem: "image_missing" } });
    await expect(
      readChatImageForm(post(JSON.stringify({ file: "x" }), { "content-type": "application/json" })),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
