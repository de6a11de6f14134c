import "server-only";
// A customer's booking by id, and the one to resume on reload (the chat page opens on it).
import { blockingBookingFor } from "@tenang/booking-core/booking-limits";
import { DomainError } from "@tenang/booking-core/errors";
import { isTerminal } from "@tenang/booking-core/lifecycle/status";
import { bookingStatuses } from "@tenang/booking-core/schemas/booking";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import type { CustomerBookingView } from "../views";
import { findBooking, listBookings } from "../shared/booking-repository";
import { customerViewFor } from "./customer-view";

/** How long an ended booking is still "the current one" (so a reload shows how it ended). */
export const RESUME_ENDED_WITHIN_MS = 60 * 60 * 1000;

export async function getCustomerBooking(
  ctx: BookingServerContext,
  args: { customerId: string; bookingId: string },
): Promise<CustomerBookingView> {
  const stored = await findBooking(ctx, args.bookingId);
  // Someone else's booking is "not found", never "forbidden": ids are not confirmed to strangers.
  if (!stored || stored.booking.customerId !== args.customerId) throw new DomainError("not_found", "booking not found");
  return customerViewFor(ctx, stored.booking);
}

/**
 * The booking happening now (the one that blocks a new Book now, booking-core booking-limits), else the latest one
 * still open (a scheduled visit later), else the latest one if it ended less than an hour ago; else null. So "go to
 * your booking", after a refused second booking, leads to the booking that refused it.
 */
export async function getActiveCustomerBooking(
  ctx: BookingServerContext,
  args: { customerId: string },
): Promise<CustomerBookingView | null> {
  const open = bookingStatuses.filter((s) => !isTerminal(s));
  const stillOpen = await listBookings(ctx, [
    Query.equal("customerId", args.customerId),
    Query.equal("status", open),
    Query.orderDesc("$createdAt"),
    Query.limit(100),
  ]);
  const happening = blockingBookingFor(
    stillOpen.map((s) => s.booking),
    "immediate",
  );
  const active = stillOpen.find((s) => s.booking.id === happening?.id) ?? stillOpen[0];
  if (active) return customerViewFor(ctx, active.booking);
  const [latest] = await listBookings(ctx, [
    Query.equal("customerId", args.customerId),
    Query.orderDesc("$createdAt"),
    Query.limit(1),
  ]);
  if (!latest) return null;
  const endedAt = Date.parse(latest.lastEventAt ?? latest.booking.updatedAt);
  return ctx.clock().getTime() - endedAt < RESUME_ENDED_WITHIN_MS ? customerViewFor(ctx, latest.booking) : null;
}
