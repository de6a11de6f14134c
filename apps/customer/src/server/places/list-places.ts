import "server-only";
import { haversineKm } from "@tenang/booking-core/dispatch";
import { priceFor } from "@tenang/booking-core/money";
import { fitsWorkingHours } from "@tenang/booking-core/schedule";
import type { Place } from "@tenang/booking-core/schemas/place";
import { searchPoint, type SearchInput } from "@/server/search/search-input";
import { toPlaceListing, type PlaceListing } from "./place-listing";
import { findVisiblePlaces } from "./place-repository";

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

/** Spas for the customer's list: nearest first when a point is given (the customer travels), else best rated. */
export async function listPlaces(input: SearchInput, now: Date = new Date()): Promise<PlaceListing[]> {
  const places = (await findVisiblePlaces({ area: input.area, offersDuration: input.duration })).filter((place) =>
    placeMatchesFilters(place, input, now),
  );
  const point = searchPoint(input);
  if (!point) return places.map((place) => toPlaceListing(place));

  return places
    .map((place) => ({ place, km: haversineKm(point, place) }))
    .sort((a, b) => a.km - b.km)
    .map(({ place, km }) => toPlaceListing(place, Math.round(km * 10) / 10));
}
