import "server-only";
import { splitCommission } from "@tenang/booking-core/revenue";
import { formatPhone, whatsappLink } from "@tenang/booking-core/phone";
import type { TherapistBookingView } from "@tenang/booking-server/views";
import type { BookingDto } from "@/lib/dto";
import { mapsUrl } from "@tenang/booking-core/maps-url";

/**
 * booking-server's view already holds back the customer's contact details until the customer confirmed this therapist
 * (and again once the booking is cancelled or taken from them); this only formats what it hands out.
 */
export function toBookingDto(view: TherapistBookingView): BookingDto {
  const { booking, contact } = view;
  const split = splitCommission(booking.amount);
  return {
    id: booking.id,
    version: booking.version,
    status: booking.status,
    kind: booking.kind,
    duration: booking.duration,
    massageType: booking.massageType,
    amount: booking.amount,
    commission: split.commission,
    payout: split.payout,
    scheduledFor: booking.scheduledFor,
    responseDeadline: booking.responseDeadline,
    customerDecisionDeadline: booking.customerDecisionDeadline,
    confirmedAt: booking.confirmedAt,
    completedAt: booking.completedAt,
    createdAt: booking.createdAt,
    cancelledBy: booking.cancelledBy,
    cancelReason: booking.cancelReason,
    customerFirstName: view.customerFirstName,
    customer: contact
      ? {
          name: contact.name,
          whatsapp: contact.whatsapp,
          whatsappDisplay: formatPhone(contact.whatsapp),
          whatsappLink: whatsappLink(contact.whatsapp),
        }
      : null,
    address: contact?.address ?? null,
    hotelOrVilla: contact?.hotelOrVilla ?? null,
    roomNumber: contact?.roomNumber ?? null,
    mapUrl: contact ? mapsUrl(contact.lat, contact.lng) : null,
    rating: view.rating,
  };
}
