import "server-only";
import type { Duration } from "@tenang/booking-core/prices";
import type { Area, Gender, Language, MassageType } from "@tenang/booking-core/schemas/common";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { photoUrl } from "@/server/photos/photo-url";

/**
 * What a customer may see of a therapist. Contact details, the linked user, dispatch counters and restriction
 * reasons stay on the server.
 */
export interface TherapistListing {
  id: string;
  name: string;
  gender: Gender;
  bio: string | null;
  area: Area;
  photoUrl: string | null;
  languages: Language[];
  massageTypes: MassageType[];
  rating: number;
  ratingCount: number;
  prices: Record<Duration, number | null>;
  isOnline: boolean;
  isBusy: boolean;
  /**
   * Distance from the point the customer searched from, when they gave one: booking-core's publicDistanceKm (from the
   * base's ~1 km cell, 0.5 km steps), never from the base itself.
   */
  distanceKm: number | null;
}

export function toTherapistListing(therapist: Therapist, distanceKm: number | null = null): TherapistListing {
  return {
    id: therapist.id,
    name: therapist.name,
    gender: therapist.gender,
    bio: therapist.bio || null,
    area: therapist.area,
    photoUrl: photoUrl(therapist.photoFileId),
    languages: therapist.languages,
    massageTypes: therapist.massageTypes,
    rating: therapist.rating,
    ratingCount: therapist.ratingCount,
    prices: { 60: therapist.price60, 90: therapist.price90, 120: therapist.price120 },
    isOnline: therapist.isOnline,
    isBusy: therapist.isBusy,
    distanceKm,
  };
}
