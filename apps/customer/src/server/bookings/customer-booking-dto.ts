import "server-only";
import { whatsappLink } from "@tenang/booking-core/phone";
import type { CustomerBookingView } from "@tenang/booking-server/views";
import type { CustomerBooking, CustomerBookingResponse } from "@/lib/customer-booking";
import { photoUrl } from "@/server/photos/photo-url";

/**
 * booking-server's view → what the browser gets: only what the booking screen reads (see lib/customer-booking.ts for
 * what is left out and why).
 */
export function toCustomerBooking({ booking, therapist, rating }: CustomerBookingView): CustomerBooking {
  return {
    id: booking.id,
    version: booking.version,
    status: booking.status,
    source: booking.source,
    kind: booking.kind,
    providerType: booking.providerType,
    customerId: booking.customerId,
    customerName: booking.customerName,
    customerWhatsapp: booking.customerWhatsapp,
    requestedTherapistId: booking.requestedTherapistId,
    placeId: booking.placeId,
    duration: booking.duration,
    massageType: booking.massageType,
    discountCode: booking.discountCode,
    discountAmount: booking.discountAmount,
    amount: booking.amount,
    address: booking.address,
    hotelOrVilla: booking.hotelOrVilla,
    roomNumber: booking.roomNumber,
    lat: booking.lat,
    lng: booking.lng,
    scheduledFor: booking.scheduledFor,
    responseDeadline: booking.responseDeadline,
    attempt: booking.attempt,
    maxAttempts: booking.maxAttempts,
    offerExpiresAt: booking.offerExpiresAt,
    customerDecisionDeadline: booking.customerDecisionDeadline,
    cancelledBy: booking.cancelledBy,
    expiryReason: booking.expiryReason,
    confirmedAt: booking.confirmedAt,
    completedAt: booking.completedAt,
    therapist: therapist && {
      id: therapist.id,
      name: therapist.name,
      photoUrl: photoUrl(therapist.photoFileId),
      rating: therapist.rating,
      ratingCount: therapist.ratingCount,
      languages: therapist.languages,
      distanceKm: therapist.distanceKm,
      etaMinutes: therapist.etaMinutes,
      whatsappUrl: therapist.whatsapp ? whatsappLink(therapist.whatsapp) : null,
    },
    rating,
  };
}

export function customerBookingResponse(view: CustomerBookingView, now: Date = new Date()): CustomerBookingResponse {
  return { booking: toCustomerBooking(view), serverTime: now.toISOString() };
}
