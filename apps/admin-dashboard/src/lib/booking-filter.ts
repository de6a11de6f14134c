import { bookingStatusSchema, type BookingStatus } from "@tenang/booking-core/schemas/booking";

/** The bookings page's `?status=`: one of booking-core's statuses, else no filter (a stale or mistyped link shows all). */
export function parseStatusFilter(raw: string | string[] | undefined): BookingStatus | null {
  const parsed = bookingStatusSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : null;
}
