import "server-only";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import type { BookingServerContext } from "../context";
import { findTherapist, type TherapistCache } from "../therapists/therapist-repository";
import { type CustomerBookingView, therapistCardFor } from "../views";

/** The customer's view of a booking: the booking and, once someone holds it, the therapist's card. */
export async function customerViewFor(
  ctx: BookingServerContext,
  booking: Booking,
  therapists?: TherapistCache,
): Promise<CustomerBookingView> {
  if (booking.therapistId === null) return { booking, therapist: null };
  const snapshot = therapists
    ? await therapists.get(booking.therapistId)
    : await findTherapist(ctx, booking.therapistId);
  return {
    booking,
    therapist: snapshot ? therapistCardFor(booking, snapshot.therapist, ctx.lifecycle.dispatch) : null,
  };
}
