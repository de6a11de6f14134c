import "server-only";
// What the apps show, built from booking-core types. Views never carry Appwrite $-fields, and each one shows a person
// only what they may see: a customer gets the therapist's WhatsApp once the booking is confirmed; a therapist sees the
// area, distance and first name of an offer or a booking they hold, and the customer's name, WhatsApp, address, room
// and exact point only once the customer confirmed them (withdrawn again when it is cancelled or taken from them).
import { customerSeesProviderContact, therapistSeesCustomerContact } from "@tenang/booking-core/contact-visibility";
import { etaMinutes, haversineKm, type DispatchConfig } from "@tenang/booking-core/dispatch";
import { publicDistanceKm } from "@tenang/booking-core/public-distance";
import { splitCommission } from "@tenang/booking-core/revenue";
import type { Booking, BookingKind } from "@tenang/booking-core/schemas/booking";
import type { Area, Language, MassageType } from "@tenang/booking-core/schemas/common";
import { areaCentres } from "@tenang/booking-core/schemas/location";
import type { Offer } from "@tenang/booking-core/schemas/offer";
import type { Rating } from "@tenang/booking-core/schemas/rating";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";

export interface TherapistCard {
  id: string;
  name: string;
  photoFileId: string | null;
  rating: number;
  ratingCount: number;
  languages: Language[];
  /** The coarse public distance (booking-core publicDistanceKm): from the base's ~1 km cell, in 0.5 km steps. */
  distanceKm: number;
  etaMinutes: number;
  /** Only once the booking is confirmed. */
  whatsapp: string | null;
}

/** The customer's rating of a booking, as the customer and the provider see it. */
export interface BookingRatingView {
  stars: number;
  comment: string | null;
  createdAt: string;
}

export interface CustomerBookingView {
  booking: Booking;
  /** The therapist holding the booking (therapist_found on); null while searching or for a spa booking. */
  therapist: TherapistCard | null;
  /** The customer's rating, once they gave one (completed bookings only). */
  rating: BookingRatingView | null;
}

export interface TherapistOfferView {
  offer: Offer;
  booking: {
    id: string;
    kind: BookingKind;
    duration: number;
    massageType: MassageType | null;
    amount: number;
    /** The platform's 30 % and what the therapist keeps (booking-core splitCommission). */
    commission: number;
    payout: number;
    /** The nearest service area to the booking point: the only "where" before the customer confirms them. */
    area: Area | null;
    distanceKm: number;
    customerFirstName: string;
    scheduledFor: string | null;
  };
}

/** A booking's columns that hold the customer's contact details. */
type ContactColumn = "customerName" | "customerWhatsapp" | "address" | "hotelOrVilla" | "roomNumber" | "lat" | "lng";

/** The customer's contact details, as the confirmed therapist sees them. */
export interface BookingContactView {
  name: string;
  whatsapp: string;
  address: string;
  hotelOrVilla: string | null;
  roomNumber: string | null;
  lat: number;
  lng: number;
}

export interface TherapistBookingView {
  /** The booking without the customer's contact details and without the engine's internal fields. */
  booking: Omit<Booking, ContactColumn | "offeredTherapistIds" | "currentOfferId" | "idempotencyKey">;
  customerFirstName: string;
  /** Only while the booking is confirmed with this therapist (confirmed … completed); null before and after. */
  contact: BookingContactView | null;
  /** How the customer rated the session (completed bookings they rated), else null. */
  rating: BookingRatingView | null;
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

const firstNameOf = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

export function therapistCardFor(booking: Booking, therapist: Therapist, dispatch: DispatchConfig): TherapistCard {
  // The customer chooses the booking point, so an exact distance here would locate the therapist's base as the public
  // listing's would (issue 9): the card shows the same coarse public distance, and the ETA follows from it.
  const distance = publicDistanceKm(booking, therapist);
  return {
    id: therapist.id,
    name: therapist.name,
    photoFileId: therapist.photoFileId,
    rating: therapist.rating,
    ratingCount: therapist.ratingCount,
    languages: therapist.languages,
    distanceKm: distance,
    etaMinutes: etaMinutes(distance, dispatch),
    whatsapp: customerSeesProviderContact(booking) ? therapist.whatsapp : null,
  };
}

export function nearestArea(point: { lat: number; lng: number }): Area | null {
  let best: { area: Area; km: number } | null = null;
  for (const [area, centre] of Object.entries(areaCentres) as Array<[Area, { lat: number; lng: number }]>) {
    const km = haversineKm(point, centre);
    if (best === null || km < best.km) best = { area, km };
  }
  return best?.area ?? null;
}

export function therapistOfferViewFor(offer: Offer, booking: Booking, therapist: Therapist): TherapistOfferView {
  const split = splitCommission(booking.amount);
  return {
    offer,
    booking: {
      id: booking.id,
      kind: booking.kind,
      duration: booking.duration,
      massageType: booking.massageType,
      amount: booking.amount,
      commission: split.commission,
      payout: split.payout,
      area: nearestArea(booking),
      distanceKm: oneDecimal(haversineKm(booking, therapist)),
      customerFirstName: firstNameOf(booking.customerName),
      scheduledFor: booking.scheduledFor,
    },
  };
}

export function ratingViewOf(rating: Rating | null): BookingRatingView | null {
  return rating && { stars: rating.stars, comment: rating.comment, createdAt: rating.createdAt };
}

/** The booking as the therapist `therapistId` sees it (booking-core therapistSeesCustomerContact decides the contact). */
export function therapistBookingViewFor(
  booking: Booking,
  therapistId: string,
  rating: Rating | null = null,
): TherapistBookingView {
  const {
    customerName,
    customerWhatsapp,
    address,
    hotelOrVilla,
    roomNumber,
    lat,
    lng,
    offeredTherapistIds: _offered,
    currentOfferId: _offer,
    idempotencyKey: _key,
    ...rest
  } = booking;
  return {
    booking: rest,
    customerFirstName: firstNameOf(customerName),
    contact: therapistSeesCustomerContact(booking, therapistId)
      ? { name: customerName, whatsapp: customerWhatsapp, address, hotelOrVilla, roomNumber, lat, lng }
      : null,
    rating: ratingViewOf(rating),
  };
}
