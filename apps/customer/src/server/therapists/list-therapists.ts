import "server-only";
import { defaultDispatchConfig } from "@tenang/booking-core/dispatch";
import { publicDistanceKm } from "@tenang/booking-core/public-distance";
import { priceFor } from "@tenang/booking-core/prices";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { listVisibleTherapists } from "@tenang/booking-server/therapists/therapist-repository";
import { bookingServer } from "@/server/app-server";
import { searchPoint, type SearchInput } from "@/server/search/search-input";
import { toTherapistListing, type TherapistListing } from "./therapist-listing";

// Who a customer can book right now comes first, then who is in a session, then who is offline.
const availabilityRank = (therapist: Therapist): number => (!therapist.isOnline ? 2 : therapist.isBusy ? 1 : 0);

/** The panel's filters (price for the chosen duration, rating, language, massage type, available now). */
export function matchesFilters(therapist: Therapist, input: SearchInput): boolean {
  if (input.maxPrice !== undefined) {
    const price = priceFor(therapist, input.duration ?? 60);
    if (price === null || price > input.maxPrice) return false;
  }
  if (input.minRating !== undefined && (therapist.ratingCount === 0 || therapist.rating < input.minRating))
    return false;
  if (input.language && !therapist.languages.includes(input.language)) return false;
  if (input.massageType && !therapist.massageTypes.includes(input.massageType)) return false;
  if (input.available && (!therapist.isOnline || therapist.isBusy)) return false;
  return true;
}

/**
 * Therapists for the customer's list, available ones first. With a point, only those dispatch could send there —
 * within both the search radius and the therapist's own service radius, as in booking-core's dispatch — and
 * nearest first within each availability group; without one, best rated first (booking-server's order).
 * Distance, reach and order all come from the public distance (from the base's ~1 km cell, in 0.5 km steps), so no
 * number of searches locates a therapist's home better than its cell (issue 9).
 */
export async function listTherapists(input: SearchInput): Promise<TherapistListing[]> {
  const therapists = await listVisibleTherapists(bookingServer(), { area: input.area, offersDuration: input.duration });
  const point = searchPoint(input);
  const withDistance = therapists
    .filter((therapist) => matchesFilters(therapist, input))
    .map((therapist) => ({
      therapist,
      km: point ? publicDistanceKm(point, therapist) : null,
    }));

  return withDistance
    .filter(
      ({ therapist, km }) =>
        km === null || km <= Math.min(defaultDispatchConfig.maxRadiusKm, therapist.serviceRadiusKm),
    )
    .sort((a, b) => availabilityRank(a.therapist) - availabilityRank(b.therapist) || (a.km ?? 0) - (b.km ?? 0))
    .map(({ therapist, km }) => toTherapistListing(therapist, km));
}
