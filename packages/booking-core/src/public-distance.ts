// What a customer may learn of where a provider is. A therapist's base is usually their home, and exact distances
// from points of the asker's choosing locate it: three anonymous searches trilaterated a pin to ~44 m (issue 9). So
// public distances are measured from the centre of the grid cell the base lies in, never from the base, and rounded:
// the answer to any query is a function of the cell alone, so no number of queries, from anywhere, tells two bases in
// one cell apart. The same goes for anything decided from the distance (who is in reach, the order of a list).
import { haversineKm } from "./dispatch";
import type { Coordinates } from "./schemas/location";

/** The grid: 0.01° of latitude is 1.11 km; of longitude, 1.10 km in Bali (cos 8.7°) and ≥ 1.08 km anywhere in Indonesia. */
export const PUBLIC_GRID_DEGREES = 0.01;
/** Public distances are whole multiples of this. */
export const PUBLIC_DISTANCE_STEP_KM = 0.5;

/** The cell a point lies in, as whole grid steps (equal cells ⇔ equal public answers). */
export function publicCell(point: Coordinates): { row: number; column: number } {
  return { row: Math.floor(point.lat / PUBLIC_GRID_DEGREES), column: Math.floor(point.lng / PUBLIC_GRID_DEGREES) };
}

/** The point public answers are measured from: the centre of the base's cell. */
export function publicBase(base: Coordinates): Coordinates {
  const { row, column } = publicCell(base);
  return { lat: (row + 0.5) * PUBLIC_GRID_DEGREES, lng: (column + 0.5) * PUBLIC_GRID_DEGREES };
}

/**
 * The distance a customer at `from` is told a provider based at `base` is, in km: from the base's cell centre,
 * rounded to the nearest 0.5 km (at least 0.5). Off from the true distance by at most half a cell's diagonal plus
 * a quarter km (~1 km), which "about 3.5 km away" and a 15 km reach can carry.
 */
export function publicDistanceKm(from: Coordinates, base: Coordinates): number {
  const km = haversineKm(from, publicBase(base));
  // Never "0 km away": in the same cell it is "0.5 km", which is as true and reads as near.
  return Math.max(PUBLIC_DISTANCE_STEP_KM, Math.round(km / PUBLIC_DISTANCE_STEP_KM) * PUBLIC_DISTANCE_STEP_KM);
}
