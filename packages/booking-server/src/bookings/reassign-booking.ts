import "server-only";
// Support assigns a specific therapist the customer agreed to (searching … on_the_way): the open offer is withdrawn,
// a held therapist released, a commission voided, and the chosen therapist offered directly (accepting confirms).
// booking-core refuses a therapist already offered this booking.
import type { CustomerBookingView } from "../views";
import type { BookingServerContext } from "../context";
import { changeBooking } from "./booking-engine";
import { customerViewFor } from "./customer-view";

export async function reassignBooking(
  ctx: BookingServerContext,
  args: { adminId: string; bookingId: string; expectedVersion: number; therapistId: string },
): Promise<CustomerBookingView> {
  const { booking, therapists } = await changeBooking(ctx, {
    bookingId: args.bookingId,
    onMoved: "fail",
    buildEvent: async (_stored, cache) => {
      // Read the chosen therapist into the change, so their lock version is part of it.
      await cache.get(args.therapistId);
      return {
        type: "reassign",
        expectedVersion: args.expectedVersion,
        actor: { role: "admin", adminId: args.adminId },
        therapistId: args.therapistId,
      };
    },
  });
  return customerViewFor(ctx, booking, therapists);
}
