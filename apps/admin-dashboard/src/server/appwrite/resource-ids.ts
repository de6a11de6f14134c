import "server-only";
import { env } from "@/env";

// Table ids as created by packages/db. The database id comes from the environment so one Appwrite project can
// hold several databases (e.g. a test one).
export const databaseId = (): string => env.APPWRITE_DATABASE_ID;

export const TABLE_IDS = {
  therapists: "therapists",
  places: "places",
  bookings: "bookings",
} as const;
