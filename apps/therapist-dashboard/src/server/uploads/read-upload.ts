import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import {
  PAYMENT_PROOF_UPLOAD,
  PROFILE_PHOTO_UPLOAD,
  type UploadProblem,
  type UploadRules as FileRules,
  checkUpload,
  storedFileName,
} from "@tenang/booking-core/upload-file";
import { readMultipartForm } from "@tenang/app-server/http/read-multipart";
import type { Upload } from "@tenang/booking-server/files/upload";

/** booking-core's rules for one kind of upload (types judged by the bytes, size), and the formats named to people. */
export interface UploadRules extends FileRules {
  /** The file formats in the refusal's words. */
  formats: string;
}

// The sentences are English only for now, like the rest of this app's UI text.
function refuse(message: string): DomainError {
  return new DomainError("validation_failed", message, { issues: [{ path: "file", message }] });
}

/** A body past the cap is refused before it is read: payload_too_large (413), the cap in words on `file`. */
function tooLargeRefusal(message: string): DomainError {
  return new DomainError("payload_too_large", message, { issues: [{ path: "file", message }] });
}

/**
 * The one `file` field of a multipart request, checked before it reaches Appwrite by booking-core's checkUpload, the
 * check every upload passes: what the bytes are, not the name or the declared type. Stored under the uploaded name
 * with the extension of what the bytes are.
 */
export async function readUpload(request: Request, rules: UploadRules): Promise<Upload> {
  const tooLarge = `The file is larger than ${Math.round(rules.maxBytes / 1024 / 1024)} MB.`;
  const form = await readMultipartForm(request, {
    maxFileBytes: rules.maxBytes,
    tooLarge: () => tooLargeRefusal(tooLarge),
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw refuse("Choose a file to upload.");
  const checked = await checkUpload(file, rules);
  if (!checked.ok) {
    const sentences: Record<UploadProblem, string> = {
      missing: "Choose a file to upload.",
      type_unsupported: `Use one of: ${rules.formats}.`,
      // A file within the body's framing allowance but past the file's own limit.
      too_large: tooLarge,
    };
    throw refuse(sentences[checked.problem]);
  }
  return { name: storedFileName(file.name, checked.type), bytes: checked.bytes };
}

export const PHOTO_RULES: UploadRules = { ...PROFILE_PHOTO_UPLOAD, formats: "jpg, jpeg, png, webp" };

export const PROOF_RULES: UploadRules = { ...PAYMENT_PROOF_UPLOAD, formats: "jpg, jpeg, png, webp, pdf" };
