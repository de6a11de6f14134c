import "server-only";
import { env } from "@/env";

// The database id comes from the environment so one Appwrite project can hold several databases (e.g. a test one).
// Table and bucket ids are @tenang/booking-core/resource-ids.
export const databaseId = (): string => env.APPWRITE_DATABASE_ID;
