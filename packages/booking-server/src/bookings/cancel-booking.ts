import "server-only";
// Cancel in any non-terminal status, by the customer, the assigned provider, support or the system (booking-core
// decides who may, and with which reasons). Any open offer is withdrawn in the same transaction, so the therapist's
// pending list loses it at once and an acceptance racing the cancel cannot also win.
import { DomainError } from "@tenang/booking-core/errors";
import type { Actor } from "@tenang/booking-core/lifecycle/events";
import type { CancelReason } from "@tenang/booking-core/schemas/booking";
import type { BookingServerContext } from "../context";
import type { CustomerBookingView } from "../views";
import { changeBooking } from "./booking-engine";
import { customerViewFor } from "./customer-view";

export async function cancelBooking(
  ctx: BookingServerContext,
  args: { actor: Actor; bookingId: string; expectedVersion: number; reason: CancelReason },
): Promise<CustomerBookingView> {
  const { actor } = args;
  const { booking, therapists } = await changeBooking(ctx, {
    bookingId: args.bookingId,
    guard: ({ booking }) => {
      const stranger =
        (actor.role === "customer" && booking.customerId !== actor.customerId) ||
        (actor.role === "therapist" && booking.therapistId !== actor.therapistId) ||
        (actor.role === "place" && booking.placeId !== actor.placeId);
      if (stranger) throw new DomainError("not_found", "booking not found");
    },
    onMoved: "fail",
    buildEvent: async () => ({ type: "cancel", expectedVersion: args.expectedVersion, actor, reason: args.reason }),
  });
  return customerViewFor(ctx, booking, therapists);
}
