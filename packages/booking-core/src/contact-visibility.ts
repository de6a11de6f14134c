// Who may see whose contact details on a booking. The apps' views and the chat's read permissions ask these, so the
// rule is written once: contact details are shared only once the customer confirmed the provider, and a therapist
// loses the customer's again when the booking is cancelled or taken from them (issue 9).
import type { Booking, BookingStatus } from "./schemas/booking";

/** From the customer's confirmation through completion: the statuses in which both sides have agreed on the visit. */
export const CONFIRMED_THROUGH_COMPLETED: readonly BookingStatus[] = [
  "confirmed",
  "on_the_way",
  "arrived",
  "in_progress",
  "completed",
];

/** Whether `status` lies between the customer's confirmation and completion (both included). */
export function isConfirmedThroughCompleted(status: BookingStatus): boolean {
  return CONFIRMED_THROUGH_COMPLETED.includes(status);
}

/**
 * Whether the therapist `therapistId` may see the customer's name, WhatsApp, address, room and exact point: only while
 * they hold the booking, from confirmed through completed. Before that they see the area and a first name.
 */
export function therapistSeesCustomerContact(
  booking: Pick<Booking, "status" | "therapistId">,
  therapistId: string,
): boolean {
  return booking.therapistId === therapistId && isConfirmedThroughCompleted(booking.status);
}

/**
 * Whether the therapist holding the booking reads its chat (pins and photos say where the customer is): the same
 * window as the customer's contact details.
 */
export function therapistReadsChat(booking: Pick<Booking, "status" | "therapistId">): boolean {
  return booking.therapistId !== null && isConfirmedThroughCompleted(booking.status);
}

/** Whether the customer sees the provider's WhatsApp: once the booking is confirmed (and after it is completed). */
export function customerSeesProviderContact(booking: Pick<Booking, "status">): boolean {
  return isConfirmedThroughCompleted(booking.status);
}
