import "server-only";
// The customer's answer in therapist_found: Accept therapist (→ confirmed, commission recorded, therapist busy) or
// Find another (→ the held therapist is released and the next-ranked one is asked; never the same one twice).
import { DomainError } from "@tenang/booking-core/errors";
import type { BookingServerContext } from "../context";
import type { CustomerBookingView } from "../views";
import { type StoredBooking, loadCommitments } from "../shared/booking-repository";
import { changeBooking } from "./booking-engine";
import { customerViewFor } from "./customer-view";
import { loadDispatchInputs } from "./dispatch-inputs";

interface DecisionArgs {
  customerId: string;
  bookingId: string;
  expectedVersion: number;
}

export function assertCustomerOwns(customerId: string) {
  return (stored: StoredBooking): void => {
    if (stored.booking.customerId !== customerId) throw new DomainError("not_found", "booking not found");
  };
}

export async function acceptTherapist(ctx: BookingServerContext, args: DecisionArgs): Promise<CustomerBookingView> {
  const { booking, therapists } = await changeBooking(ctx, {
    bookingId: args.bookingId,
    guard: assertCustomerOwns(args.customerId),
    onMoved: "fail",
    buildEvent: async ({ booking }) => {
      const held = booking.therapistId;
      const commitments = held === null ? [] : ((await loadCommitments(ctx, [held]))[held] ?? []);
      return {
        type: "accept_therapist",
        expectedVersion: args.expectedVersion,
        actor: { role: "customer", customerId: args.customerId },
        commitments,
      };
    },
  });
  return customerViewFor(ctx, booking, therapists);
}

export async function findAnotherTherapist(
  ctx: BookingServerContext,
  args: DecisionArgs,
): Promise<CustomerBookingView> {
  const { booking, therapists } = await changeBooking(ctx, {
    bookingId: args.bookingId,
    guard: assertCustomerOwns(args.customerId),
    onMoved: "fail",
    buildEvent: async ({ booking }, cache) => {
      const inputs = await loadDispatchInputs(ctx, booking, ctx.clock(), cache);
      return {
        type: "find_another",
        expectedVersion: args.expectedVersion,
        actor: { role: "customer", customerId: args.customerId },
        ...inputs,
      };
    },
  });
  return customerViewFor(ctx, booking, therapists);
}
