import "server-only";
import { isAppwriteId } from "@/server/appwrite/resource-ids";
import { toTherapistListing, type TherapistListing } from "./therapist-listing";
import { findTherapistById } from "./therapist-repository";

/** One therapist's public profile, or null when there is none to show (unknown id, or restricted). */
export async function getTherapist(id: string): Promise<TherapistListing | null> {
  if (!isAppwriteId(id)) return null;
  const therapist = await findTherapistById(id);
  if (!therapist || therapist.isRestricted) return null;
  return toTherapistListing(therapist);
}
