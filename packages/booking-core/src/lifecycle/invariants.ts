// What "a valid booking" means beyond its schema; the property tests hold every state the lifecycle reaches to it.
import { isConfirmedThroughCompleted } from "../contact-visibility";
import type { Booking } from "../schemas/booking";
import { offerIdFor } from "../schemas/offer";
import { toMs } from "../time";
import { lastOffered } from "./steps";

/** Every way `b` breaks the lifecycle's invariants; empty for a valid booking. */
export function bookingInvariantViolations(b: Booking): string[] {
  const v: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) v.push(what);
  };
  check(b.amount === b.price - b.discountAmount && b.discountAmount <= b.price, "amount = price − discount");
  check(new Set(b.offeredTherapistIds).size === b.offeredTherapistIds.length, "no therapist offered twice");
  check(b.attempt === b.offeredTherapistIds.length, "one offer per attempt");
  check((b.kind === "scheduled") === (b.scheduledFor !== null), "scheduled ⇔ scheduledFor");
  check((b.providerType === "place") === (b.placeId !== null), "spa booking ⇔ placeId");
  check(b.providerType === "therapist" || (b.therapistId === null && b.attempt === 0), "spa bookings make no offers");
  check(b.therapistId === null || b.offeredTherapistIds.includes(b.therapistId), "assigned therapist was offered");
  if (b.status === "searching" && b.providerType === "therapist") {
    check(b.attempt >= 1 && b.currentOfferId === offerIdFor(b.id, b.attempt), "searching has the latest offer open");
    check(b.offerExpiresAt !== null && b.therapistId === null, "searching: deadline, nobody assigned");
  } else {
    check(b.currentOfferId === null && b.offerExpiresAt === null, "no open offer outside searching");
  }
  if (b.status === "searching" && b.providerType === "place")
    check(b.responseDeadline !== null, "spa request has a deadline");
  check(
    (b.status === "therapist_found") === (b.customerDecisionDeadline !== null),
    "decision deadline ⇔ therapist_found",
  );
  if (b.status === "therapist_found") check(b.therapistId === lastOffered(b), "therapist_found holds the last offered");
  if (isConfirmedThroughCompleted(b.status)) {
    check(b.confirmedAt !== null && b.commissionId !== null, "confirmed bookings have a commission");
    check(b.providerType === "place" || b.therapistId !== null, "confirmed therapist bookings have a therapist");
  }
  check((b.status === "completed") === (b.completedAt !== null), "completedAt ⇔ completed");
  check(
    (b.status === "cancelled") === (b.cancelledBy !== null && b.cancelReason !== null),
    "cancel fields ⇔ cancelled",
  );
  check((b.status === "expired") === (b.expiryReason !== null), "expiryReason ⇔ expired");
  check(b.version >= 1 && toMs(b.updatedAt) >= toMs(b.createdAt), "version and timestamps");
  return v;
}
