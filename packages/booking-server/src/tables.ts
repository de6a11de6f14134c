import "server-only";
// The ids of the lock rows that serialise writers (rows of the booking_transitions, therapist_holds and
// customer_holds tables). Table and bucket ids themselves live in @tenang/booking-core/resource-ids.
import { hash53 } from "@tenang/booking-core/hash";

/** Appwrite row ids are at most 36 characters. */
const MAX_ID = 36;

function lockId(subject: string, suffix: string): string {
  const id = `${subject}${suffix}`;
  // Booking ids we create are 20 characters; a longer id from elsewhere still gets a stable, unique-enough lock id.
  return id.length <= MAX_ID ? id : `x${hash53(subject)}${suffix}`;
}

/** The lock row of the transition that starts from `fromVersion` (0 = creation). */
export function bookingTransitionId(bookingId: string, fromVersion: number): string {
  return lockId(bookingId, `-v${fromVersion}`);
}

/** The lock row of the therapist change that starts from `holdVersion`. */
export function therapistHoldId(therapistId: string, holdVersion: number): string {
  return lockId(therapistId, `-h${holdVersion}`);
}

/** The lock row of a customer's new booking number `sequence` (1 + the sequence of their last one). */
export function customerHoldId(customerId: string, sequence: number): string {
  return lockId(customerId, `-c${sequence}`);
}
