import "server-only";
// The customer rates a completed booking (1–5 stars, optional comment), within booking-core's rating window. One
// transaction creates the rating (row $id = booking id) and moves the provider's totals (rating, ratingCount and the
// exact ratingSum, booking-core addRating):
//   - a second rating of the same booking is a duplicate $id: Appwrite refuses the whole commit, nothing is counted,
//     and the re-read answers `already_rated`;
//   - two ratings of one provider (different bookings) decided on the same ratingCount collide on the unique index
//     ratings(therapistId | placeId, providerSequence): the loser re-reads the totals and counts again, so the average
//     never loses a rating.
import { DomainError } from "@tenang/booking-core/errors";
import { addRating, ratingProblem, ratingRefusal } from "@tenang/booking-core/rating";
import type { RateBookingInput, Rating } from "@tenang/booking-core/schemas/rating";
import { commitWriteSet, WriteSet } from "../appwrite/write-set";
import { findBooking } from "../shared/booking-repository";
import { customerViewFor } from "./customer-view";
import type { BookingServerContext } from "../context";
import { ratingPermissions } from "../shared/permissions";
import { TABLES } from "@tenang/booking-core/resource-ids";
import type { CustomerBookingView } from "../views";
import { findRating, loadRatedProvider, ratingRowData } from "../ratings/rating-repository";
import { MAX_RACE_ATTEMPTS, waitAfterLostRace } from "../shared/lost-race";

export async function rateBooking(
  ctx: BookingServerContext,
  args: { customerId: string; bookingId: string; input: RateBookingInput },
): Promise<CustomerBookingView> {
  for (let attempt = 1; attempt <= MAX_RACE_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await waitAfterLostRace(attempt - 1);
    // Read again on every attempt: a retry follows a conflict, so what it lost on has changed.
    const stored = await findBooking(ctx, args.bookingId);
    // Someone else's booking is "not found", never "forbidden": ids are not confirmed to strangers.
    if (!stored || stored.booking.customerId !== args.customerId) {
      throw new DomainError("not_found", "booking not found");
    }
    const { booking } = stored;
    const now = ctx.clock();
    const alreadyRated = (await findRating(ctx, booking.id)) !== null;
    const problem = ratingProblem(booking, { customerId: args.customerId, now, alreadyRated }, ctx.lifecycle);
    if (problem) throw ratingRefusal(problem);

    const provider = await loadRatedProvider(ctx, booking);
    const rating: Rating = {
      bookingId: booking.id,
      providerType: booking.providerType,
      therapistId: booking.providerType === "therapist" ? booking.therapistId : null,
      placeId: booking.providerType === "place" ? booking.placeId : null,
      customerId: booking.customerId,
      stars: args.input.stars,
      comment: args.input.comment,
      createdAt: now.toISOString(),
    };
    const set = new WriteSet()
      .create(
        TABLES.ratings,
        booking.id,
        ratingRowData(rating, provider.totals.ratingCount),
        ratingPermissions(booking.customerId, provider.userId),
      )
      .update(provider.tableId, provider.rowId, addRating(provider.totals, rating.stars));
    const outcome = await commitWriteSet(ctx, set);
    if (outcome.ok) return customerViewFor(ctx, booking);
    // A conflict: the same booking was rated a moment earlier (the next read says already_rated), or another rating
    // of this provider, or a booking change on their row, came first (the next read has the new totals).
  }
  throw new DomainError("service_unavailable", "too many ratings at once, try again", { retryAfterMs: 500 });
}
