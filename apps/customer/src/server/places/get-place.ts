import "server-only";
import { isAppwriteId } from "@/server/appwrite/resource-ids";
import { toPlaceListing, type PlaceListing } from "./place-listing";
import { findPlaceById } from "./place-repository";

/** One spa's public profile, or null when there is none to show (unknown id, or restricted). */
export async function getPlace(id: string): Promise<PlaceListing | null> {
  if (!isAppwriteId(id)) return null;
  const place = await findPlaceById(id);
  if (!place || place.isRestricted) return null;
  return toPlaceListing(place);
}
