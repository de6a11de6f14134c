import "server-only";
// The one way route handlers read a multipart/form-data body (uploads): a body past the cap is refused before it is
// read into memory (declared length) or as soon as it streams past it (chunked), and a body that is not a form is a 400.
import { DomainError } from "@tenang/booking-core/errors";
import { FORM_OVERHEAD_BYTES, MAX_UPLOAD_FILE_BYTES, readBodyBytes } from "./read-body";

export interface UploadCap {
  /** The largest file the form may carry (at most MAX_UPLOAD_FILE_BYTES); the body may be this plus the framing. */
  maxFileBytes: number;
  /**
   * The refusal for a body larger than that, worded by the caller (it knows the rule and the language): a
   * payload_too_large (413), with the cap in words as an issue on `file`.
   */
  tooLarge: () => Error;
}

export async function readMultipartForm(request: Request, cap?: UploadCap): Promise<FormData> {
  // The production server refuses bodies past the largest cap before Next runs; a larger cap would never be reached.
  if (cap && cap.maxFileBytes > MAX_UPLOAD_FILE_BYTES)
    throw new Error(`upload cap over ${MAX_UPLOAD_FILE_BYTES} bytes`);
  const bytes = await readBodyBytes(
    request,
    cap
      ? { maxBytes: cap.maxFileBytes + FORM_OVERHEAD_BYTES, tooLarge: cap.tooLarge }
      : { maxBytes: FORM_OVERHEAD_BYTES },
  );
  try {
    // Parsed from the bytes already counted, with the request's own boundary.
    const headers = { "content-type": request.headers.get("content-type") ?? "" };
    return await new Response(bytes, { headers }).formData();
  } catch {
    throw new DomainError("bad_request", "expected multipart/form-data");
  }
}
