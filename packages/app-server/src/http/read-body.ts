import "server-only";
// The one way route helpers take a request body into memory: never more than the route's limit. A declared
// Content-Length past it is refused before a byte is read; a chunked body (no length) is counted while it streams
// and the stream is cancelled as soon as it passes the limit, so an oversized body is never buffered whole.
import { DomainError } from "@tenang/booking-core/errors";

/** JSON bodies of our routes are small forms (a chat message is the largest); 16 KB leaves ample room. */
export const DEFAULT_JSON_LIMIT_BYTES = 16 * 1024;

export interface BodyLimit {
  maxBytes: number;
  /** The refusal past the limit. Default: payload_too_large (413). */
  tooLarge?: () => Error;
}

const payloadTooLarge = (maxBytes: number) => () =>
  new DomainError("payload_too_large", `request body over ${maxBytes} bytes`);

export async function readBodyBytes(request: Request, limit: BodyLimit): Promise<Uint8Array<ArrayBuffer>> {
  const { maxBytes } = limit;
  const tooLarge = limit.tooLarge ?? payloadTooLarge(maxBytes);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Tell the runtime we will not read it (the connection is closed rather than drained).
    await request.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text, within the limit. */
export async function readBodyText(request: Request, limit: BodyLimit): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}
