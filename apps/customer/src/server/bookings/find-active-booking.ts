import "server-only";
import { isTerminal } from "@tenang/booking-core/lifecycle/status";
import { getActiveCustomerBooking } from "@tenang/booking-server/bookings/get-customer-booking";
import type { CustomerBookingView } from "@tenang/booking-server/views";
import { bookingServer, type Guest } from "@/server/app-server";

/**
 * The guest's booking to go back to: the one under way, or (booking-server's rule) one that ended within the last
 * hour, so a reload shows how it ended. A booking the guest cancelled themselves is not one to go back to.
 */
export async function findResumableBooking(guest: Guest | null): Promise<CustomerBookingView | null> {
  if (!guest) return null;
  const view = await getActiveCustomerBooking(bookingServer(), { customerId: guest.userId });
  if (view && view.booking.status === "cancelled" && view.booking.cancelledBy === "customer") return null;
  return view;
}

/** The guest's booking still under way, if any: one at a time, so a new booking form leads back to it. */
export async function findActiveBooking(guest: Guest | null): Promise<CustomerBookingView | null> {
  const view = await findResumableBooking(guest);
  return view && !isTerminal(view.booking.status) ? view : null;
}
