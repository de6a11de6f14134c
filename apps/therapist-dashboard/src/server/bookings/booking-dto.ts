import "server-only";
import { splitCommission } from "@tenang/booking-core/money";
import { formatPhone, whatsappLink } from "@tenang/booking-core/phone";
import type { BookingStatus } from "@tenang/booking-core/schemas/booking";
import type { TherapistBookingView } from "@tenang/booking-server/views";
import type { BookingDto } from "@/lib/dto";
import { mapLink } from "@/lib/format";

/** From the customer's acceptance on, the therapist needs to reach them and find the place; not before. */
const SHOWS_CUSTOMER: readonly BookingStatus[] = ["confirmed", "on_the_way", "arrived", "in_progress", "completed"];

const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export function toBookingDto(view: TherapistBookingView): BookingDto {
  const { booking } = view;
  const shows = SHOWS_CUSTOMER.includes(booking.status);
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
    customerFirstName: firstNameOf(view.customer.name),
    customer: shows
      ? {
          name: view.customer.name,
          whatsapp: view.customer.whatsapp,
          whatsappDisplay: formatPhone(view.customer.whatsapp),
          whatsappLink: whatsappLink(view.customer.whatsapp),
        }
      : null,
    address: shows ? view.address : null,
    hotelOrVilla: shows ? view.hotelOrVilla : null,
    roomNumber: shows ? view.roomNumber : null,
    mapUrl: shows ? mapLink(view.lat, view.lng) : null,
    rating: view.rating,
  };
}
