import "server-only";
import type { CustomerDecisionInput } from "@tenang/booking-core/schemas/booking-actions";
import { acceptTherapist, findAnotherTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import type { CustomerBookingView } from "@tenang/booking-server/views";
import { bookingServer } from "./booking-server-context";

/** The customer's answer in therapist_found: accept (confirmed) or find another (the search goes on). */
export function decideOnTherapist(
  customerId: string,
  bookingId: string,
  input: CustomerDecisionInput,
): Promise<CustomerBookingView> {
  const args = { customerId, bookingId, expectedVersion: input.expectedVersion };
  return input.decision === "accept"
    ? acceptTherapist(bookingServer(), args)
    : findAnotherTherapist(bookingServer(), args);
}
