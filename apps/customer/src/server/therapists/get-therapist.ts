import "server-only";
import { findTherapist } from "@tenang/booking-server/therapists/therapist-repository";
import { bookingServer, isAppwriteId } from "@/server/app-server";
import { toTherapistListing, type TherapistListing } from "./therapist-listing";

/** One therapist's public profile, or null when there is none to show (unknown id, or restricted). */
export async function getTherapist(id: string): Promise<TherapistListing | null> {
  if (!isAppwriteId(id)) return null;
  const therapist = (await findTherapist(bookingServer(), id))?.therapist;
  if (!therapist || therapist.isRestricted) return null;
  return toTherapistListing(therapist);
}
