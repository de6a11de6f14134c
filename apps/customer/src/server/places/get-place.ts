import "server-only";
import { findPlace } from "@tenang/booking-server/places/place-repository";
import { bookingServer, isAppwriteId } from "@/server/app-server";
import { toPlaceListing, type PlaceListing } from "./place-listing";

/** One spa's public profile, or null when there is none to show (unknown id, or restricted). */
export async function getPlace(id: string): Promise<PlaceListing | null> {
  if (!isAppwriteId(id)) return null;
  const place = await findPlace(bookingServer(), id);
  if (!place || place.isRestricted) return null;
  return toPlaceListing(place);
}
