import "server-only";
import { idSchema } from "@tenang/booking-core/schemas/common";
import { env } from "@/env";

// Table and bucket ids as created by packages/db. The database id comes from the environment so one Appwrite
// project can hold several databases (e.g. a test one).
export const databaseId = (): string => env.APPWRITE_DATABASE_ID;

export const TABLE_IDS = {
  therapists: "therapists",
  places: "places",
  bookings: "bookings",
} as const;

export const BUCKET_IDS = {
  therapistPhotos: "therapist-photos",
} as const;

/** Checking ids first turns a junk id in a URL into a plain "not found" instead of an Appwrite 400. */
export function isAppwriteId(value: string): boolean {
  return idSchema.safeParse(value).success;
}
