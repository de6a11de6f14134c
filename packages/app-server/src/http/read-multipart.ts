import "server-only";
// The one way route handlers read a multipart/form-data body (uploads): a body whose declared length is already past
// the cap is refused before it is read into memory, and a body that is not a form is a 400.
import { DomainError } from "@tenang/booking-core/errors";

/** Room for the multipart framing and the small fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export interface UploadCap {
  /** The largest file the form may carry; the body may be this plus the framing. */
  maxFileBytes: number;
  /** The refusal for a body declared larger than that, worded by the caller (it knows the rule and the language). */
  tooLarge: () => Error;
}

export async function readMultipartForm(request: Request, cap?: UploadCap): Promise<FormData> {
  if (cap) {
    const declared = Number(request.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > cap.maxFileBytes + FORM_OVERHEAD_BYTES) throw cap.tooLarge();
  }
  try {
    return await request.formData();
  } catch {
    throw new DomainError("bad_request", "expected multipart/form-data");
  }
}
