import "server-only";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import type { BookingServerContext } from "../context";
import { findRating } from "../ratings/rating-repository";
import { findTherapist, type TherapistCache } from "../therapists/therapist-repository";
import { type CustomerBookingView, ratingViewOf, therapistCardFor } from "../views";

/** The customer's view of a booking: the booking, once someone holds it the therapist's card, and their rating. */
export async function customerViewFor(
  ctx: BookingServerContext,
  booking: Booking,
  therapists?: TherapistCache,
): Promise<CustomerBookingView> {
  // Only a completed booking can have a rating: every other view skips the read.
  const rating = booking.status === "completed" ? ratingViewOf(await findRating(ctx, booking.id)) : null;
  if (booking.therapistId === null) return { booking, therapist: null, rating };
  const snapshot = therapists
    ? await therapists.get(booking.therapistId)
    : await findTherapist(ctx, booking.therapistId);
  return {
    booking,
    therapist: snapshot ? therapistCardFor(booking, snapshot.therapist, ctx.lifecycle.dispatch) : null,
    rating,
  };
}
