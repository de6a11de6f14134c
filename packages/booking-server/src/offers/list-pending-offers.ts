import "server-only";
// A therapist's open offers with what they need to decide (no room number, no phone number before they accept).
// Withdrawn, expired and answered offers are not pending, and the cancel that withdraws one writes it in the same
// transaction, so they vanish from this list at once.
import { Query } from "node-appwrite";
import { bookingFromRow } from "../shared/booking-repository";
import type { BookingServerContext } from "../context";
import { listRowsWhereIn } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { requireTherapistSnapshot } from "../therapists/therapist-repository";
import { type TherapistOfferView, therapistOfferViewFor } from "../views";
import { listPendingOfferRows } from "./offer-repository";

export async function listPendingOffers(
  ctx: BookingServerContext,
  args: { therapistId: string },
): Promise<TherapistOfferView[]> {
  const now = ctx.clock().getTime();
  // One that ran out but was not swept yet can no longer be accepted (booking-core), so it is not shown.
  const offers = (await listPendingOfferRows(ctx, args.therapistId)).filter((o) => Date.parse(o.expiresAt) > now);
  if (offers.length === 0) return [];
  const [{ therapist }, rows] = await Promise.all([
    requireTherapistSnapshot(ctx, args.therapistId),
    listRowsWhereIn(
      ctx,
      TABLES.bookings,
      "$id",
      offers.map((o) => o.bookingId),
      [Query.equal("status", "searching")],
    ),
  ]);
  const bookings = new Map(rows.map((row) => [row.$id, bookingFromRow(row).booking]));
  const views: TherapistOfferView[] = [];
  for (const offer of offers) {
    const booking = bookings.get(offer.bookingId);
    // The booking must still be waiting for exactly this offer.
    if (booking && booking.currentOfferId === offer.id) views.push(therapistOfferViewFor(offer, booking, therapist));
  }
  return views;
}
