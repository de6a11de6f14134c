import "server-only";
// How every app serves a photo from a booking's chat: the same private caching and the same hardening, whoever may
// read it (the route decides that before calling this).

/** A chat photo's bytes and its type (judged by the bytes when it was uploaded). */
export interface ChatImageBody {
  bytes: ArrayBuffer;
  contentType: string;
}

export function chatImageResponse(image: ChatImageBody): Response {
  return new Response(image.bytes, {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.bytes.byteLength),
      // A stored photo never changes under its id; only this browser's own cache may keep it (it is private).
      "Cache-Control": "private, max-age=86400, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
