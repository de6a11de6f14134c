import "server-only";
// The one way route handlers read a multipart/form-data body (uploads): a body past the cap is refused before it is
// read into memory (declared length) or as soon as it streams past it (chunked), and a body that is not a form is a 400.
import { DomainError } from "@tenang/booking-core/errors";
import { readBodyBytes } from "./read-body";

/** Room for the multipart framing and the small fields around the file; also the cap of a form without a file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export interface UploadCap {
  /** The largest file the form may carry; the body may be this plus the framing. */
  maxFileBytes: number;
  /** The refusal for a body declared larger than that, worded by the caller (it knows the rule and the language). */
  tooLarge: () => Error;
}

export async function readMultipartForm(request: Request, cap?: UploadCap): Promise<FormData> {
  const bytes = await readBodyBytes(
    request,
    cap ? { maxBytes: cap.maxFileBytes + FORM_OVERHEAD_BYTES, tooLarge: cap.tooLarge } : { maxBytes: FORM_OVERHEAD_BYTES },
  );
  try {
    // Parsed from the bytes already counted, with the request's own boundary.
    const headers = { "content-type": request.headers.get("content-type") ?? "" };
    return await new Response(bytes, { headers }).formData();
  } catch {
    throw new DomainError("bad_request", "expected multipart/form-data");
  }
}
