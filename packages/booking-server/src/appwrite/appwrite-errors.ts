import "server-only";
// The few Appwrite failures the engine reacts to; everything else is rethrown as it is.
import { AppwriteException } from "node-appwrite";

export function isNotFound(error: unknown): boolean {
  return error instanceof AppwriteException && error.code === 404;
}

/** A duplicate $id, a unique index, or a row changed under a transaction: someone else wrote first. */
export function isConflict(error: unknown): boolean {
  return error instanceof AppwriteException && error.code === 409;
}

/** An increment that would pass its `max` (a discount code's usage limit), directly or at commit. */
export function isLimitExceeded(error: unknown): boolean {
  return (
    error instanceof AppwriteException &&
    error.code === 400 &&
    (error.type === "column_limit_exceeded" || error.type === "attribute_limit_exceeded")
  );
}

/** A file Appwrite cannot render a preview of (corrupt, or a type its image library lacks). */
export function isUnsupportedFileType(error: unknown): boolean {
  return error instanceof AppwriteException && error.code === 400 && error.type === "storage_file_type_unsupported";
}
