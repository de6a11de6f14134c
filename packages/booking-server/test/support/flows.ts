// Walks a booking to a state through the use cases, the way the apps would.
import { acceptTherapist } from "../../src/bookings/customer-decisions";
import { createBooking } from "../../src/bookings/create-booking";
import { requireBooking } from "../../src/shared/booking-repository";
import { updateBookingProgress } from "../../src/bookings/update-progress";
import { respondToOffer } from "../../src/bookings/respond-to-offer";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import { type Engine, bookingInput, newKey } from "./engine";

/** A dispatched booking accepted by its therapist and then by the customer: confirmed at version 3. */
export async function confirmedBooking(engine: Engine, customerId: string, overrides: Record<string, unknown> = {}) {
  const { ctx } = engine;
  const view = await createBooking(ctx, { customerId, input: bookingInput(overrides), idempotencyKey: newKey() });
  const therapistId = view.booking.offeredTherapistIds[0]!;
  await respondToOffer(ctx, { therapistId, offerId: view.booking.currentOfferId!, response: "accept" });
  const confirmed = await acceptTherapist(ctx, { customerId, bookingId: view.booking.id, expectedVersion: 2 });
  return { booking: confirmed.booking, therapistId };
}

/** Depart → arrive → start → complete from a confirmed booking. */
export async function completeBooking(engine: Engine, booking: Booking, therapistId: string): Promise<Booking> {
  let version = booking.version;
  let current = booking;
  for (const status of ["on_the_way", "arrived", "in_progress", "completed"] as const) {
    engine.clock.advance(60_000);
    await updateBookingProgress(engine.ctx, {
      therapistId,
      bookingId: booking.id,
      expectedVersion: version,
      input: { status, expectedVersion: version },
    });
    current = (await requireBooking(engine.ctx, booking.id)).booking;
    version = current.version;
  }
  return current;
}
