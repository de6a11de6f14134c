import "server-only";
import { DomainError } from "@tenang/booking-core/errors";

const APPWRITE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;

/** An id from the URL path. Something that cannot be an Appwrite id is "not found", like an id that names nothing. */
export function pathId(value: string): string {
  if (!APPWRITE_ID.test(value)) throw new DomainError("not_found", "no such id");
  return value;
}
