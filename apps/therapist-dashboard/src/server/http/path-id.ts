import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { isAppwriteId } from "@/server/appwrite/resource-ids";

/**
 * An id from the URL path. Something that cannot be an Appwrite id (36 chars of [a-zA-Z0-9._-], not starting with a
 * special character) is the caller's mistake: 400, before any lookup (issue 9: junk ids used to reach Appwrite).
 */
export function pathId(value: string): string {
  if (!isAppwriteId(value)) throw new DomainError("bad_request", "path id is not an id");
  return value;
}
