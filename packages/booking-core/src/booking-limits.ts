// How many bookings one customer may have open at once (ours):
//   - one booking happening now: while an immediate booking is open (searching … in_progress) nothing new may be
//     booked, and a scheduled visit that is under way (on_the_way … in_progress) blocks a new Book now;
//   - a scheduled visit later does not block a Book now: an upcoming Friday massage says nothing about tonight;
//   - at most `maxUpcomingScheduledBookings` (3) open scheduled bookings, so one guest cannot hold a week of slots.
// Pure: the caller passes the customer's open bookings, read after taking the customer's creation lock.
import { DomainError } from "./errors";
import { defaultLifecycleConfig, type LifecycleConfig } from "./lifecycle/config";
import { isTerminal } from "./lifecycle/status";
import type { Booking, BookingKind, BookingStatus } from "./schemas/booking";

type LimitConfig = Pick<LifecycleConfig, "maxUpcomingScheduledBookings">;
type OpenBooking = Pick<Booking, "id" | "kind" | "status">;

const UNDER_WAY: readonly BookingStatus[] = ["on_the_way", "arrived", "in_progress"];

/** The booking that occupies the customer right now and would block a booking of `kind`, if any. */
export function blockingBookingFor(open: readonly OpenBooking[], kind: BookingKind): OpenBooking | null {
  const live = open.filter((b) => !isTerminal(b.status));
  const immediate = live.find((b) => b.kind === "immediate");
  if (immediate) return immediate;
  if (kind === "scheduled") return null;
  return live.find((b) => UNDER_WAY.includes(b.status)) ?? null;
}

/**
 * Why the customer may not open a booking of `kind` next to their `open` ones, or null when they may.
 * `active_booking_exists` names the booking to go back to in `details.activeBookingId`.
 */
export function bookingLimitProblem(
  open: readonly OpenBooking[],
  kind: BookingKind,
  config: LimitConfig = defaultLifecycleConfig,
): DomainError | null {
  const blocking = blockingBookingFor(open, kind);
  if (blocking) {
    return new DomainError("active_booking_exists", `booking ${blocking.id} is still under way`, {
      details: { problem: "active_booking", activeBookingId: blocking.id },
    });
  }
  if (kind === "scheduled") {
    const upcoming = open.filter((b) => b.kind === "scheduled" && !isTerminal(b.status)).length;
    if (upcoming >= config.maxUpcomingScheduledBookings) {
      return new DomainError("scheduled_limit_reached", `${upcoming} scheduled bookings are open already`, {
        details: { problem: "scheduled_limit", limit: config.maxUpcomingScheduledBookings },
      });
    }
  }
  return null;
}
