import { describe, expect, it } from "vitest";
import { chatImageResponse } from "./chat-image-response";

describe("chatImageResponse", () => {
  it("serves the bytes privately, as their type, and runs nothing they might carry", async () => {
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const response = chatImageResponse({ bytes, contentType: "image/png" });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": "3",
      "cache-control": "private, max-age=86400, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});
