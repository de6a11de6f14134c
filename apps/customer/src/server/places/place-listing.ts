import "server-only";
import type { Duration } from "@tenang/booking-core/prices";
import type { Area, MassageType } from "@tenang/booking-core/schemas/common";
import type { Place } from "@tenang/booking-core/schemas/place";
import { photoUrl } from "@/server/photos/photo-url";

/** What a customer sees of a spa. */
export interface PlaceListing {
  id: string;
  name: string;
  area: Area;
  address: string;
  photoUrl: string | null;
  rating: number;
  ratingCount: number;
  massageTypes: MassageType[];
  prices: Record<Duration, number | null>;
  openingHours: { start: string; end: string };
  /** From the point the customer searched from, when they gave one (booking-core's publicDistanceKm). */
  distanceKm: number | null;
}

export function toPlaceListing(place: Place, distanceKm: number | null = null): PlaceListing {
  return {
    id: place.id,
    name: place.name,
    area: place.area,
    address: place.address,
    photoUrl: photoUrl(place.photoFileId),
    rating: place.rating,
    ratingCount: place.ratingCount,
    massageTypes: place.massageTypes,
    prices: { 60: place.price60, 90: place.price90, 120: place.price120 },
    openingHours: place.openingHours,
    distanceKm,
  };
}
