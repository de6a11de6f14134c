import { DomainError } from "@tenang/booking-core/errors";
import { describe, expect, it } from "vitest";
import { readMultipartForm } from "./read-multipart";

const post = (body: FormData | string, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api/upload", { method: "POST", body, headers });

const cap = { maxFileBytes: 1024 * 1024, tooLarge: () => new DomainError("validation_failed", "too large") };

describe("readMultipartForm", () => {
  it("reads a form within the cap", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array([1, 2, 3])], "x.png", { type: "image/png" }));
    form.set("note", "hi");
    const read = await readMultipartForm(post(form), cap);
    expect(read.get("note")).toBe("hi");
    expect(read.get("file")).toBeInstanceOf(Blob);
  });

  it("refuses a body declared too large before reading it, and a body that is not a form", async () => {
    const big = String(cap.maxFileBytes + 1024 * 1024);
    await expect(readMultipartForm(post("x", { "content-length": big }), cap)).rejects.toMatchObject({
      code: "validation_failed",
      message: "too large",
    });
    await expect(
      readMultipartForm(post(JSON.stringify({ file: "x" }), { "content-type": "application/json" })),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("stops reading a chunked body (no Content-Length) once it passes the cap, before buffering the rest", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 100_000) return controller.close();
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://app.test/api/upload", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    } as RequestInit);
    await expect(readMultipartForm(request, cap)).rejects.toMatchObject({ message: "too large" });
    expect(pulled).toBeLessThan(2 * 1024);
  });

  // The production server refuses bodies past the largest upload before Next runs (bin/body-limit.mjs).
  it("refuses a cap the production server would never let through", async () => {
    const form = new FormData();
    form.set("note", "x");
    await expect(readMultipartForm(post(form), { ...cap, maxFileBytes: 11 * 1024 * 1024 })).rejects.toThrow(/cap/);
  });

  it("caps a form read without an upload cap at a small default", async () => {
    const form = new FormData();
    form.set("note", "x".repeat(200 * 1024));
    await expect(readMultipartForm(post(form))).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
