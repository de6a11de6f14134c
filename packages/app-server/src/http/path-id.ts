import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { idSchema } from "@tenang/booking-core/schemas/common";

/** Whether a value can be an Appwrite id at all (36 chars of [a-zA-Z0-9._-], not starting with a special character). */
export function isAppwriteId(value: string): boolean {
  return idSchema.safeParse(value).success;
}

/**
 * An id from the URL path. Something that cannot be an Appwrite id is refused before any lookup (issue 9: junk ids
 * used to reach Appwrite): by default as the caller's mistake (400); a route that answers "no such thing" for any id
 * it does not serve passes "not_found", so a junk id answers like an unknown one.
 */
export function pathId(value: string, refusal: "bad_request" | "not_found" = "bad_request"): string {
  if (!isAppwriteId(value)) throw new DomainError(refusal, "path id is not an id");
  return value;
}
