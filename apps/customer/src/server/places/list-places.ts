import "server-only";
import { haversineKm } from "@tenang/booking-core/dispatch";
import { searchPoint, type SearchInput } from "@/server/search/search-input";
import { toPlaceListing, type PlaceListing } from "./place-listing";
import { findVisiblePlaces } from "./place-repository";

/** Spas for the customer's list: nearest first when a point is given (the customer travels), else best rated. */
export async function listPlaces(input: SearchInput): Promise<PlaceListing[]> {
  const places = await findVisiblePlaces({ area: input.area, offersDuration: input.duration });
  const point = searchPoint(input);
  if (!point) return places.map((place) => toPlaceListing(place));

  return places
    .map((place) => ({ place, km: haversineKm(point, place) }))
    .sort((a, b) => a.km - b.km)
    .map(({ place, km }) => toPlaceListing(place, Math.round(km * 10) / 10));
}
