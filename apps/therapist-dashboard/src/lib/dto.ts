// What this app's route handlers answer, as plain JSON. Server mappers (bookings/booking-dto.ts, offers/offer-dto.ts,
// and toMeDto, toProfileDto, toCommissionDto under src/server/) build these from booking-server views; client
// components read only these, so no Appwrite field or server type reaches the browser.
import type { BookingKind, BookingStatus } from "@tenang/booking-core/schemas/booking";
import type { CommissionStatus } from "@tenang/booking-core/schemas/commission";
import type { Area, Gender, Language, MassageType, WorkingHours } from "@tenang/booking-core/schemas/common";

export interface MeDto {
  therapistId: string;
  userId: string;
  name: string;
  email: string;
  photoUrl: string | null;
  isOnline: boolean;
  isBusy: boolean;
  isRestricted: boolean;
  /** Why the account is restricted, worded for the therapist (null when not restricted). */
  restrictedReason: string | null;
  /** The stored reason (e.g. "commission_overdue"), for choosing the explanation. */
  restrictedCode: string | null;
  /** Set offline by the system after missing offers in a row (until they go online again). */
  offlineAfterMissedOffers: boolean;
  missedOffersInRow: number;
  rating: number;
  ratingCount: number;
}

export interface OfferDto {
  id: string;
  bookingId: string;
  expiresAt: string;
  requiresCustomerApproval: boolean;
  kind: BookingKind;
  duration: number;
  massageType: MassageType | null;
  amount: number;
  commission: number;
  payout: number;
  /** The area only: no hotel/villa name or address before the customer confirms the therapist. */
  area: string | null;
  distanceKm: number | null;
  customerFirstName: string;
  scheduledFor: string | null;
}

export interface OffersResponse {
  offers: OfferDto[];
  /** The server's clock when it answered, so countdowns do not depend on the phone's clock. */
  serverTime: string;
}

export interface BookingCustomerDto {
  name: string;
  whatsapp: string;
  whatsappDisplay: string;
  whatsappLink: string;
}

export interface BookingDto {
  id: string;
  version: number;
  status: BookingStatus;
  kind: BookingKind;
  duration: number;
  massageType: MassageType | null;
  amount: number;
  commission: number;
  payout: number;
  scheduledFor: string | null;
  responseDeadline: string | null;
  customerDecisionDeadline: string | null;
  confirmedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  cancelledBy: string | null;
  cancelReason: string | null;
  /** Only once the customer accepted the therapist (confirmed onwards); before that the first name only. */
  customer: BookingCustomerDto | null;
  customerFirstName: string;
  address: string | null;
  hotelOrVilla: string | null;
  roomNumber: string | null;
  mapUrl: string | null;
  /** How the customer rated the session (completed bookings they rated), else null. */
  rating: { stars: number; comment: string | null; createdAt: string } | null;
}

export interface BookingsResponse {
  bookings: BookingDto[];
  serverTime: string;
}

export interface BookingResponse {
  booking: BookingDto;
  serverTime: string;
}

export interface CommissionDto {
  id: string;
  bookingId: string;
  amount: number;
  commission: number;
  payout: number;
  status: CommissionStatus;
  dueAt: string | null;
  lateFee: number;
  paidAt: string | null;
  hasProof: boolean;
  createdAt: string;
  bookingDate: string;
}

export interface EarningsTotals {
  bookings: number;
  amount: number;
  commission: number;
  payout: number;
}

export interface EarningsResponse {
  totals: { today: EarningsTotals; week: EarningsTotals; month: EarningsTotals };
  commissions: CommissionDto[];
  /** Commission + late fees still to pay (due, overdue, or under review). */
  owed: number;
  overdue: number;
  bankDetails: BankDetailsDto | null;
  serverTime: string;
}

export interface BankDetailsDto {
  bankName: string;
  accountName: string;
  accountNumber: string;
}

export interface ProfileDto {
  name: string;
  gender: Gender;
  bio: string;
  photoUrl: string | null;
  languages: Language[];
  massageTypes: MassageType[];
  area: Area;
  lat: number;
  lng: number;
  serviceRadiusKm: number;
  price60: number | null;
  price90: number | null;
  price120: number | null;
  whatsapp: string;
  workingHours: WorkingHours;
  rating: number;
  ratingCount: number;
}

export interface RealtimeTokenDto {
  jwt: string;
  expiresAt: string;
  endpoint: string;
  projectId: string;
  databaseId: string;
}
