import "server-only";
// The therapist dashboard's lists: active (held now or under way), upcoming (scheduled, accepted, not started) and
// history (ended, with the customer's rating if they gave one). A therapist sees only bookings they hold; others are
// "not found".
import { DomainError } from "@tenang/booking-core/errors";
import type { Booking, BookingStatus } from "@tenang/booking-core/schemas/booking";
import { Query } from "node-appwrite";
import { findBooking, listBookings } from "../shared/booking-repository";
import type { BookingServerContext } from "../context";
import { findRating, findRatings } from "../ratings/rating-repository";
import { type TherapistBookingView, therapistBookingViewFor } from "../views";

export type TherapistBookingScope = "active" | "upcoming" | "history";

const HELD: BookingStatus[] = ["therapist_found", "confirmed"];
const UNDER_WAY: BookingStatus[] = ["on_the_way", "arrived", "in_progress"];
const ENDED: BookingStatus[] = ["completed", "cancelled", "expired"];

/**
 * A therapist sees a booking they hold while the customer decides (therapist_found) and every booking confirmed with
 * them; one the customer turned down or let lapse before confirming is not theirs to keep.
 */
function isTheirs(booking: Booking, therapistId: string): boolean {
  return booking.therapistId === therapistId && (booking.confirmedAt !== null || booking.status === "therapist_found");
}

function inScope(booking: Booking, scope: TherapistBookingScope): boolean {
  switch (scope) {
    case "active":
      return UNDER_WAY.includes(booking.status) || (booking.kind === "immediate" && HELD.includes(booking.status));
    case "upcoming":
      return booking.kind === "scheduled" && HELD.includes(booking.status);
    case "history":
      return ENDED.includes(booking.status);
  }
}

export async function listTherapistBookings(
  ctx: BookingServerContext,
  args: { therapistId: string; scope: TherapistBookingScope },
): Promise<TherapistBookingView[]> {
  const statuses = args.scope === "history" ? ENDED : [...HELD, ...UNDER_WAY];
  const stored = await listBookings(ctx, [
    Query.equal("therapistId", args.therapistId),
    Query.equal("status", statuses),
    args.scope === "upcoming" ? Query.orderAsc("scheduledFor") : Query.orderDesc("$createdAt"),
    Query.limit(args.scope === "history" ? 50 : 100),
  ]);
  const bookings = stored
    .map((s) => s.booking)
    .filter((booking) => isTheirs(booking, args.therapistId) && inScope(booking, args.scope));
  // The customers' ratings of the completed ones, in one read.
  const ratings = await findRatings(ctx, bookings);
  return bookings.map((booking) => therapistBookingViewFor(booking, args.therapistId, ratings.get(booking.id) ?? null));
}

export async function getTherapistBooking(
  ctx: BookingServerContext,
  args: { therapistId: string; bookingId: string },
): Promise<TherapistBookingView> {
  const stored = await findBooking(ctx, args.bookingId);
  if (!stored || !isTheirs(stored.booking, args.therapistId)) throw new DomainError("not_found", "booking not found");
  const rating = stored.booking.status === "completed" ? await findRating(ctx, stored.booking.id) : null;
  return therapistBookingViewFor(stored.booking, args.therapistId, rating);
}
