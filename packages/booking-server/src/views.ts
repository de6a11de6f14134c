import "server-only";
// What the apps show, built from booking-core types. Views never carry Appwrite $-fields, and each one shows a person
// only what they may see: a customer gets the therapist's WhatsApp once the booking is confirmed; a therapist sees an
// offer without the room number until they accept it.
import { etaMinutes, haversineKm, type DispatchConfig } from "@tenang/booking-core/dispatch";
import { splitCommission } from "@tenang/booking-core/money";
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
  /** From the therapist's pinned location to the booking, one decimal. */
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
    /** The nearest service area to the booking point. */
    area: Area | null;
    /** Hotel/villa name, else the address line; never the room number before acceptance. */
    addressSummary: string;
    distanceKm: number;
    customerFirstName: string;
    scheduledFor: string | null;
  };
}

export interface TherapistBookingView {
  booking: Booking;
  customer: { name: string; whatsapp: string };
  address: string;
  hotelOrVilla: string | null;
  roomNumber: string | null;
  lat: number;
  lng: number;
  /** How the customer rated the session (completed bookings they rated), else null. */
  rating: BookingRatingView | null;
}

const CONFIRMED: readonly Booking["status"][] = ["confirmed", "on_the_way", "arrived", "in_progress", "completed"];

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

export function therapistCardFor(booking: Booking, therapist: Therapist, dispatch: DispatchConfig): TherapistCard {
  const distance = haversineKm(booking, therapist);
  return {
    id: therapist.id,
    name: therapist.name,
    photoFileId: therapist.photoFileId,
    rating: therapist.rating,
    ratingCount: therapist.ratingCount,
    languages: therapist.languages,
    distanceKm: oneDecimal(distance),
    etaMinutes: etaMinutes(distance, dispatch),
    whatsapp: CONFIRMED.includes(booking.status) ? therapist.whatsapp : null,
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
      addressSummary: booking.hotelOrVilla ?? booking.address,
      distanceKm: oneDecimal(haversineKm(booking, therapist)),
      customerFirstName: booking.customerName.split(" ")[0] ?? booking.customerName,
      scheduledFor: booking.scheduledFor,
    },
  };
}

export function ratingViewOf(rating: Rating | null): BookingRatingView | null {
  return rating && { stars: rating.stars, comment: rating.comment, createdAt: rating.createdAt };
}

export function therapistBookingViewFor(booking: Booking, rating: Rating | null = null): TherapistBookingView {
  return {
    booking,
    customer: { name: booking.customerName, whatsapp: booking.customerWhatsapp },
    address: booking.address,
    hotelOrVilla: booking.hotelOrVilla,
    roomNumber: booking.roomNumber,
    lat: booking.lat,
    lng: booking.lng,
    rating: ratingViewOf(rating),
  };
}
