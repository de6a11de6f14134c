// The one link to a point on a map, for chat pins and a booking's address alike.

/** Google Maps searching at a point: opens the Maps app on a phone, the website elsewhere. */
export function mapsUrl(lat: number, lng: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${lat},${lng}`;
}
