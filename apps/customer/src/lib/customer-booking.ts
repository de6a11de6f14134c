// What the browser knows about one of its guest's bookings: the booking's customer-facing fields and, once one is
// holding it, the therapist's card. Built on the server (server/bookings/customer-booking-dto.ts) from
// booking-server's CustomerBookingView; internal fields (offer ids, who else was offered, idempotency keys) stay there,
// and so does anything the screen does not read (issue 9: a guest gets what their screen needs).
import type {
  ActorRole,
  BookingKind,
  BookingSource,
  BookingStatus,
  ExpiryReason,
} from "@tenang/booking-core/schemas/booking";
import type { Duration } from "@tenang/booking-core/prices";
import type { MassageType, ProviderType } from "@tenang/booking-core/schemas/common";

export interface BookingTherapist {
  id: string;
  name: string;
  photoUrl: string | null;
  rating: number;
  ratingCount: number;
  languages: string[];
  distanceKm: number | null;
  etaMinutes: number | null;
  /** wa.me link, only once the customer accepted the therapist. */
  whatsappUrl: string | null;
}

/** The guest's rating of a completed booking. */
export interface BookingRating {
  stars: number;
  comment: string | null;
}

export interface CustomerBooking {
  id: string;
  version: number;
  status: BookingStatus;
  source: BookingSource;
  kind: BookingKind;
  providerType: ProviderType;
  customerId: string;
  customerName: string;
  customerWhatsapp: string;
  requestedTherapistId: string | null;
  placeId: string | null;
  duration: Duration;
  massageType: MassageType | null;
  discountCode: string | null;
  discountAmount: number;
  amount: number;
  address: string;
  hotelOrVilla: string | null;
  roomNumber: string | null;
  lat: number;
  lng: number;
  scheduledFor: string | null;
  responseDeadline: string | null;
  attempt: number;
  maxAttempts: number;
  offerExpiresAt: string | null;
  customerDecisionDeadline: string | null;
  cancelledBy: ActorRole | null;
  expiryReason: ExpiryReason | null;
  confirmedAt: string | null;
  completedAt: string | null;
  therapist: BookingTherapist | null;
  /** The guest's rating, once they gave one (completed bookings only). */
  rating: BookingRating | null;
}

/** Every booking answer carries the server's clock, so countdowns are right on a phone whose clock is off. */
export interface CustomerBookingResponse {
  booking: CustomerBooking;
  serverTime: string;
}

export const ACTIVE_CHAT_STATUSES: readonly BookingStatus[] = ["confirmed", "on_the_way", "arrived", "in_progress"];

export { isTerminal } from "@tenang/booking-core/lifecycle/status";
