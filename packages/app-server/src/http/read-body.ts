import "server-only";
// The one way route helpers take a request body into memory: never more than the route's limit. A declared
// Content-Length past it is refused before a byte is read; a chunked body (no length) is counted while it streams
// and refused as soon as it passes the limit, so an oversized body is never buffered whole.
//
// A refused body is never cancelled: cancelling destroys the socket while the client is still sending, and the
// client then sees a reset instead of the 413 (finding 6 of issue 9). A body not yet read is left to Node, which
// drops it after the answer; one already streaming is read on and dropped in the background, up to DRAIN_LIMIT_BYTES.
import { DomainError } from "@tenang/booking-core/errors";

/** JSON bodies of our routes are small forms (a chat message is the largest); 16 KB leaves ample room. */
export const DEFAULT_JSON_LIMIT_BYTES = 16 * 1024;

/** Room for the multipart framing and the small fields around the file; also the cap of a form without a file. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The largest file any route takes (a commission proof). */
export const MAX_UPLOAD_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The most any route reads, by kind of body: what the production server (bin/body-limit.mjs, same numbers, kept
 * equal by a test) refuses a declared length past before Next runs, and what a body no handler read is judged by.
 */
export function bodyCeiling(contentType: string | null): number {
  return /^\s*multipart\/form-data\b/i.test(contentType ?? "")
    ? MAX_UPLOAD_FILE_BYTES + FORM_OVERHEAD_BYTES
    : DEFAULT_JSON_LIMIT_BYTES;
}

/**
 * How much of a refused, already streaming body is read and dropped so its sender can read the 413. A sender still
 * going past this is not waiting for an answer: the stream is cancelled (the connection closes).
 */
export const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

export interface BodyLimit {
  maxBytes: number;
  /** The refusal past the limit. Default: payload_too_large (413). */
  tooLarge?: () => Error;
}

const payloadTooLarge = (maxBytes: number) => () =>
  new DomainError("payload_too_large", `request body over ${maxBytes} bytes`);

/** Reads what is left of a stream and drops it; cancels it once more than `limit` bytes went by. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, limit = DRAIN_LIMIT_BYTES): Promise<void> {
  let dropped = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
      if (dropped > limit) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing left to drop.
  }
}

/** Counts a body without keeping it: true once it passes `maxBytes` (the rest is then dropped in the background). */
async function passesLimit(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<boolean> {
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    total += value.byteLength;
    if (total > maxBytes) {
      void drain(reader);
      return true;
    }
  }
}

export async function readBodyBytes(request: Request, limit: BodyLimit): Promise<Uint8Array<ArrayBuffer>> {
  const { maxBytes } = limit;
  const tooLarge = limit.tooLarge ?? payloadTooLarge(maxBytes);
  const declared = Number(request.headers.get("content-length"));
  // Left unread: Node drops it after the answer.
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Answer now; the rest is dropped as it comes, so the client reads the answer rather than a reset.
      void drain(reader);
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

/**
 * For a request a handler refused without reading its body: true when that body, chunked (no declared length), is
 * past the ceiling for its kind, so the answer is 413 whatever else was wrong (a declared length past it never
 * reaches a handler). Counts without keeping anything; a body within the ceiling has then been read and dropped.
 */
export async function unreadBodyTooLarge(request: Request): Promise<boolean> {
  if (!request.body || request.bodyUsed || request.body.locked || request.headers.has("content-length")) return false;
  try {
    return await passesLimit(request.body.getReader(), bodyCeiling(request.headers.get("content-type")));
  } catch {
    return false;
  }
}
