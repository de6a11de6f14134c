// `Content-Range` on chunked uploads and `Range` on downloads, with Appwrite's validation and errors.
import { AppwriteError } from "../errors.ts";
import { READ_BUFFER } from "./service.ts";

export interface ContentRange {
  start: number;
  end: number;
  size: number;
}

export function invalidContentRange(): AppwriteError {
  return new AppwriteError(
    400,
    "storage_invalid_content_range",
    "The content range is invalid. Please check the value of the Content-Range header.",
  );
}

/** `bytes <start>-<end>/<size>`, as the SDKs send with each chunk. */
export function parseContentRange(header: string): ContentRange {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim());
  if (!m) throw invalidContentRange();
  const [start, end, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end > size || start > end) throw invalidContentRange();
  return { start, end, size };
}

/**
 * A download `Range: bytes=<start>-[<end>]` against a file of `size` bytes. Like Appwrite, an open or over-long
 * range is cut to 20 MB, and `start >= end` or `end >= size` is 416.
 */
export function parseByteRange(header: string, size: number): { start: number; end: number } {
  const invalid = () =>
    new AppwriteError(
      416,
      "storage_invalid_range",
      "The requested range is not satisfiable. Please check the value of the Range header.",
    );
  const m = /^(\w+)=(\d+)-(\d*)$/.exec(header.trim());
  if (!m || m[1] !== "bytes") throw invalid();
  const start = Number(m[2]);
  let end = m[3] === "" ? null : Number(m[3]);
  if (end === null || end - start > READ_BUFFER) end = Math.min(start + READ_BUFFER - 1, size - 1);
  if (start >= end || end >= size) throw invalid();
  return { start, end };
}
