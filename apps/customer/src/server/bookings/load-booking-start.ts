import "server-only";
import { findGuestProfile } from "@tenang/booking-server/guests/guest-repository";
import { findPlace } from "@tenang/booking-server/places/place-repository";
import { findTherapist } from "@tenang/booking-server/therapists/therapist-repository";
import type { Guest } from "@/server/guests/get-guest";
import { photoUrl } from "@/server/photos/photo-url";
import type { BookingStart } from "@/lib/booking-start";
import { bookingServer } from "./booking-server-context";
import { startPoint, type BookingStartQuery } from "./booking-start-query";

/** Everything the booking form starts from: the link's choices, the picked therapist's menu and hours, and prefs. */
export async function loadBookingStart(query: BookingStartQuery, guest: Guest | null): Promise<BookingStart> {
  const [place, therapist, profile] = await Promise.all([
    query.place ? findPlace(bookingServer(), query.place) : Promise.resolve(null),
    query.therapist && !query.place
      ? findTherapist(bookingServer(), query.therapist).then((found) => found?.therapist ?? null)
      : Promise.resolve(null),
    findGuestProfile(bookingServer(), guest?.userId ?? null),
  ]);
  const bookable = therapist && !therapist.isRestricted ? therapist : null;
  const spa = place && !place.isRestricted ? place : null;
  const kind = query.source === "scheduled" || query.kind === "scheduled" ? "scheduled" : "immediate";
  return {
    // A menu link without its provider is an ordinary "Book now".
    source: query.source === "menu" && !bookable && !spa ? "bookNow" : query.source,
    kind,
    duration: query.duration ?? null,
    therapist: bookable && {
      id: bookable.id,
      name: bookable.name,
      photoUrl: photoUrl(bookable.photoFileId),
      prices: { 60: bookable.price60, 90: bookable.price90, 120: bookable.price120 },
      workingHours: bookable.workingHours,
    },
    place: spa && {
      id: spa.id,
      name: spa.name,
      photoUrl: photoUrl(spa.photoFileId),
      address: spa.address,
      lat: spa.lat,
      lng: spa.lng,
      prices: { 60: spa.price60, 90: spa.price90, 120: spa.price120 },
      openingHours: spa.openingHours,
    },
    area: query.area ?? bookable?.area ?? spa?.area ?? null,
    point: startPoint(query),
    profile: { name: profile.name, whatsapp: profile.whatsapp },
    hasSession: guest !== null,
    notice: query.notice ?? null,
  };
}
