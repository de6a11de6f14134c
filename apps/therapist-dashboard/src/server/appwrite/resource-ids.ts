import "server-only";
import { env } from "@/env";

// The database id comes from the environment so one Appwrite project can hold several databases (e.g. a test one).
// Table and bucket ids are @tenang/booking-core/resource-ids.
export const databaseId = (): string => env.APPWRITE_DATABASE_ID;

const APPWRITE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;

/** Whether a path segment can be an Appwrite id at all (anything else is a 404 without asking Appwrite). */
export function isAppwriteId(value: string): boolean {
  return APPWRITE_ID.test(value);
}
