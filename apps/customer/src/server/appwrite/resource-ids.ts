import "server-only";
import { idSchema } from "@tenang/booking-core/schemas/common";
import { env } from "@/env";

// The database id comes from the environment so one Appwrite project can hold several databases (e.g. a test one).
// Table and bucket ids are @tenang/booking-core/resource-ids.
export const databaseId = (): string => env.APPWRITE_DATABASE_ID;

/** Checking ids first turns a junk id in a URL into a plain "not found" instead of an Appwrite 400. */
export function isAppwriteId(value: string): boolean {
  return idSchema.safeParse(value).success;
}
