import "server-only";
import { defaultDispatchConfig, haversineKm } from "@tenang/booking-core/dispatch";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { searchPoint, type SearchInput } from "@/server/search/search-input";
import { toTherapistListing, type TherapistListing } from "./therapist-listing";
import { findVisibleTherapists } from "./therapist-repository";

// Who a customer can book right now comes first, then who is in a session, then who is offline.
const availabilityRank = (therapist: Therapist): number => (!therapist.isOnline ? 2 : therapist.isBusy ? 1 : 0);

/**
 * Therapists for the customer's list, available ones first. With a point, only those dispatch could send there —
 * within both the search radius and the therapist's own service radius, as in booking-core's dispatch — and
 * nearest first within each availability group; without one, best rated first (the repository's order).
 */
export async function listTherapists(input: SearchInput): Promise<TherapistListing[]> {
  const therapists = await findVisibleTherapists({ area: input.area, offersDuration: input.duration });
  const point = searchPoint(input);
  const withDistance = therapists.map((therapist) => ({
    therapist,
    km: point ? haversineKm(point, therapist) : null,
  }));

  return withDistance
    .filter(
      ({ therapist, km }) =>
        km === null || km <= Math.min(defaultDispatchConfig.maxRadiusKm, therapist.serviceRadiusKm),
    )
    .sort((a, b) => availabilityRank(a.therapist) - availabilityRank(b.therapist) || (a.km ?? 0) - (b.km ?? 0))
    .map(({ therapist, km }) => toTherapistListing(therapist, km === null ? null : Math.round(km * 10) / 10));
}
