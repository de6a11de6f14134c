import "server-only";
import type { TherapistOfferView } from "@tenang/booking-server/views";
import type { OfferDto } from "@/lib/dto";

export function toOfferDto(view: TherapistOfferView): OfferDto {
  const { offer, booking } = view;
  return {
    id: offer.id,
    bookingId: booking.id,
    expiresAt: offer.expiresAt,
    requiresCustomerApproval: offer.requiresCustomerApproval,
    kind: booking.kind,
    duration: booking.duration,
    massageType: booking.massageType,
    amount: booking.amount,
    commission: booking.commission,
    payout: booking.payout,
    area: booking.area,
    distanceKm: booking.distanceKm,
    customerFirstName: booking.customerFirstName,
    scheduledFor: booking.scheduledFor,
  };
}
