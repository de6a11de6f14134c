import "server-only";
import { priceFor } from "@tenang/booking-core/prices";
import { publicDistanceKm } from "@tenang/booking-core/public-distance";
import { fitsWorkingHours } from "@tenang/booking-core/schedule";
import type { Place } from "@tenang/booking-core/schemas/place";
import { listVisiblePlaces } from "@tenang/booking-server/places/place-repository";
import { bookingServer } from "@/server/app-server";
import { searchPoint, type SearchInput } from "@/server/search/search-input";
import { toPlaceListing, type PlaceListing } from "./place-listing";

/** The panel's filters as they apply to a spa: price, rating, massage type, and "available now" = open now. */
export function placeMatchesFilters(place: Place, input: SearchInput, now: Date): boolean {
  if (input.maxPrice !== undefined) {
    const price = priceFor(place, input.duration ?? 60);
    if (price === null || price > input.maxPrice) return false;
  }
  if (input.minRating !== undefined && (place.ratingCount === 0 || place.rating < input.minRating)) return false;
  if (input.massageType && !place.massageTypes.includes(input.massageType)) return false;
  if (input.available && !fitsWorkingHours(now, input.duration ?? 60, place.openingHours)) return false;
  return true;
}

/**
 * Spas for the customer's list: nearest first when a point is given (the customer travels), else best rated. A spa's
 * address is public, but its distance is the same public distance as a therapist's: one rule for every provider.
 */
export async function listPlaces(input: SearchInput, now: Date = new Date()): Promise<PlaceListing[]> {
  const places = (
    await listVisiblePlaces(bookingServer(), { area: input.area, offersDuration: input.duration })
  ).filter((place) => placeMatchesFilters(place, input, now));
  const point = searchPoint(input);
  if (!point) return places.map((place) => toPlaceListing(place));

  return places
    .map((place) => ({ place, km: publicDistanceKm(point, place) }))
    .sort((a, b) => a.km - b.km)
    .map(({ place, km }) => toPlaceListing(place, km));
}
