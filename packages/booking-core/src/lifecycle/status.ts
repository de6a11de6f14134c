// Questions about a booking's status that the lifecycle and its callers both ask.
import type { Booking, BookingStatus } from "../schemas/booking";
import { terminalStatuses } from "../schemas/booking";
import { toMs } from "../time";
import { type LifecycleConfig, defaultLifecycleConfig } from "./config";

const TERMINAL: readonly BookingStatus[] = terminalStatuses;
export function isTerminal(status: BookingStatus): boolean {
  return TERMINAL.includes(status);
}

/** Statuses in which the booking occupies its therapist right now (immediate from acceptance; scheduled from departure). */
export function holdsTherapist(booking: Pick<Booking, "providerType" | "therapistId" | "kind" | "status">): boolean {
  if (booking.providerType !== "therapist" || booking.therapistId === null) return false;
  const from: readonly BookingStatus[] =
    booking.kind === "immediate"
      ? ["therapist_found", "confirmed", "on_the_way", "arrived", "in_progress"]
      : ["on_the_way", "arrived", "in_progress"];
  return from.includes(booking.status);
}

/** Whether cancelling now costs nothing: scheduled until 4 h before the start, immediate until confirmed. */
export function isFreeCancellation(
  booking: Pick<Booking, "kind" | "status" | "scheduledFor">,
  now: Date | number,
  config: LifecycleConfig = defaultLifecycleConfig,
): boolean {
  if (booking.scheduledFor !== null) {
    return toMs(now) <= toMs(booking.scheduledFor) - config.freeCancellationLeadMs;
  }
  return booking.status === "searching" || booking.status === "therapist_found";
}
