import "server-only";
import { DomainError } from "@tenang/booking-core/errors";
import { isAppwriteId } from "@/server/appwrite/resource-ids";

/** An id from the URL path. Something that cannot be an id is "not found", like an id that names nothing. */
export function pathId(value: string): string {
  if (!isAppwriteId(value)) throw new DomainError("not_found", "no such id");
  return value;
}
