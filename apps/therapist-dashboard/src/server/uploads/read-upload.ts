import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { readMultipartForm } from "@tenang/app-server/http/read-multipart";
import type { Upload } from "@/server/files/file-repository";

export interface UploadRules {
  /** Lower-case extensions the bucket accepts. */
  extensions: readonly string[];
  /** MIME types accepted for those extensions. */
  mimeTypes: readonly string[];
  maxBytes: number;
}

// The sentences are English only for now, like the rest of this app's UI text.
function refuse(message: string): DomainError {
  return new DomainError("validation_failed", message, { issues: [{ path: "file", message }] });
}

/** A body past the cap is refused before it is read: payload_too_large (413), the cap in words on `file`. */
function tooLargeRefusal(message: string): DomainError {
  return new DomainError("payload_too_large", message, { issues: [{ path: "file", message }] });
}

/** The one `file` field of a multipart request, checked against the bucket's rules before it reaches Appwrite. */
export async function readUpload(request: Request, rules: UploadRules): Promise<Upload> {
  const tooLarge = `The file is larger than ${Math.round(rules.maxBytes / 1024 / 1024)} MB.`;
  const form = await readMultipartForm(request, { maxFileBytes: rules.maxBytes, tooLarge: () => tooLargeRefusal(tooLarge) });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw refuse("Choose a file to upload.");
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  if (!rules.extensions.includes(extension) || !rules.mimeTypes.includes(file.type)) {
    throw refuse(`Use one of: ${rules.extensions.join(", ")}.`);
  }
  if (file.size > rules.maxBytes) throw refuse(tooLarge);
  return { name: file.name, bytes: await file.arrayBuffer() };
}

export const PHOTO_RULES: UploadRules = {
  extensions: ["jpg", "jpeg", "png", "webp"],
  mimeTypes: ["image/jpeg", "image/png", "image/webp"],
  maxBytes: 5 * 1024 * 1024,
};

export const PROOF_RULES: UploadRules = {
  extensions: ["jpg", "jpeg", "png", "webp", "pdf"],
  mimeTypes: ["image/jpeg", "image/png", "image/webp", "application/pdf"],
  maxBytes: 10 * 1024 * 1024,
};
