import "server-only";
import type { CreateBookingInput } from "@tenang/booking-core/schemas/booking";
import { createBooking } from "@tenang/booking-server/bookings/create-booking";
import { rememberGuestProfile } from "@tenang/booking-server/guests/remember-guest-profile";
import type { CustomerBookingView } from "@tenang/booking-server/views";
import type { Guest } from "@/server/guests/get-guest";
import { bookingServer } from "./booking-server-context";

/**
 * A guest books: the booking is created (and offered to the first therapist) by booking-server, idempotently per
 * key; then the name and WhatsApp number are kept in the guest's prefs so the next booking form is prefilled.
 */
export async function placeBooking(
  guest: Guest,
  input: CreateBookingInput,
  idempotencyKey: string,
): Promise<CustomerBookingView> {
  const view = await createBooking(bookingServer(), { customerId: guest.userId, input, idempotencyKey });
  await rememberGuestProfile(bookingServer(), guest.userId, {
    name: input.customerName,
    whatsapp: input.customerWhatsapp,
    locale: input.locale,
  });
  return view;
}
