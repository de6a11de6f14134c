import "server-only";
// The assigned therapist's progress: on the way (optional ETA), running late, arrived, session started, completed.
// Each posts its system message; completion starts the commission's payment clock (booking-core: completion + 3 h)
// and frees the therapist.
import { DomainError } from "@tenang/booking-core/errors";
import type { BookingEvent } from "@tenang/booking-core/lifecycle/events";
import type { ProviderStatusInput } from "@tenang/booking-core/schemas/booking-actions";
import type { BookingServerContext } from "../context";
import { type TherapistBookingView, therapistBookingViewFor } from "../views";
import { changeBooking } from "./booking-engine";

function eventFor(therapistId: string, input: ProviderStatusInput): BookingEvent {
  const base = { expectedVersion: input.expectedVersion, actor: { role: "therapist" as const, therapistId } };
  switch (input.status) {
    case "on_the_way":
      return { ...base, type: "depart", etaMinutes: input.etaMinutes ?? null };
    case "delayed":
      return { ...base, type: "report_delay", delayMinutes: input.delayMinutes };
    case "arrived":
      return { ...base, type: "arrive" };
    case "in_progress":
      return { ...base, type: "start" };
    case "completed":
      return { ...base, type: "complete" };
  }
}

export async function updateBookingProgress(
  ctx: BookingServerContext,
  args: { therapistId: string; bookingId: string; expectedVersion: number; input: ProviderStatusInput },
): Promise<TherapistBookingView> {
  const { booking } = await changeBooking(ctx, {
    bookingId: args.bookingId,
    guard: ({ booking }) => {
      if (booking.therapistId !== args.therapistId) throw new DomainError("not_found", "booking not found");
    },
    onMoved: "fail",
    buildEvent: async () => eventFor(args.therapistId, { ...args.input, expectedVersion: args.expectedVersion }),
  });
  return therapistBookingViewFor(booking, args.therapistId);
}
