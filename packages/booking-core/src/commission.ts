// The life of a commission record, as pure functions: created when a booking is confirmed, due 3 h after completion,
// overdue after that (Rp25.000 late fee, provider restricted), paid when an admin approves the transfer proof, and
// the restriction lifted once nothing is overdue any more.
import { type Effect, type ProviderRef, recipientFor } from "./effects";
import { DomainError } from "./errors";
import { COMMISSION_RATE_BPS, LATE_FEE, paymentDueAt, splitCommission } from "./revenue";
import type { Booking } from "./schemas/booking";
import type { CommissionRecord, CommissionStatus } from "./schemas/commission";
import { toIso, toMs } from "./time";

export const RESTRICTED_FOR_OVERDUE = "commission_overdue";

/** The record created when `booking` is confirmed: 30 % of its amount, not yet due. Its id is the booking id. */
export function createCommissionRecord(
  booking: Booking,
  now: Date | number,
  rateBps = COMMISSION_RATE_BPS,
): CommissionRecord {
  const split = splitCommission(booking.amount, rateBps);
  const at = toIso(now);
  return {
    id: booking.id,
    bookingId: booking.id,
    providerType: booking.providerType,
    therapistId: booking.providerType === "therapist" ? booking.therapistId : null,
    placeId: booking.providerType === "place" ? booking.placeId : null,
    ...split,
    rateBps,
    status: "pending",
    dueAt: null,
    lateFee: 0,
    paidAt: null,
    proofFileId: null,
    createdAt: at,
    updatedAt: at,
  };
}

export function providerOf(record: CommissionRecord): ProviderRef {
  return record.providerType === "place" && record.placeId !== null
    ? { providerType: "place", placeId: record.placeId }
    : { providerType: "therapist", therapistId: record.therapistId ?? "" };
}

function refuse(record: CommissionRecord, action: string, allowed: readonly CommissionStatus[]): DomainError {
  return new DomainError("invalid_transition", `cannot ${action} a ${record.status} commission`, {
    details: { status: record.status, allowed },
  });
}

/** Completion: the record becomes due at completion + 3 h. */
export function markCommissionDue(
  record: CommissionRecord,
  completedAt: Date | number | string,
): CommissionRecord | DomainError {
  if (record.status !== "pending") return refuse(record, "start the clock of", ["pending"]);
  return { ...record, status: "due", dueAt: paymentDueAt(completedAt), updatedAt: toIso(completedAt) };
}

/** Cancellation before completion: the record stops counting. */
export function voidCommission(record: CommissionRecord, now: Date | number): CommissionRecord | DomainError {
  if (record.status !== "pending") return refuse(record, "void", ["pending"]);
  return { ...record, status: "void", updatedAt: toIso(now) };
}

/** Whether a record is past its deadline and not yet (claimed) paid. */
export function isOverdue(record: CommissionRecord, now: Date | number): boolean {
  return (
    (record.status === "due" || record.status === "overdue") && record.dueAt !== null && toMs(now) >= toMs(record.dueAt)
  );
}

/**
 * The sweeper's step for one record: a due record past its deadline becomes overdue with the late fee, and the
 * provider is restricted and told. Null when nothing changes (also for an already overdue record).
 */
export function markOverdue(
  record: CommissionRecord,
  now: Date | number,
): { record: CommissionRecord; effects: Effect[] } | null {
  if (record.status !== "due" || !isOverdue(record, now)) return null;
  const provider = providerOf(record);
  const updated: CommissionRecord = { ...record, status: "overdue", lateFee: LATE_FEE, updatedAt: toIso(now) };
  const to = recipientFor(provider);
  return {
    record: updated,
    effects: [
      { type: "restrict_provider", provider, reason: RESTRICTED_FOR_OVERDUE },
      {
        type: "notify",
        to,
        bookingId: record.bookingId,
        notification: { key: "payment_overdue", params: { amount: record.commission, lateFee: LATE_FEE } },
      },
    ],
  };
}

/** The provider uploaded a transfer proof. */
export function submitPaymentProof(
  record: CommissionRecord,
  proofFileId: string,
  now: Date | number,
): CommissionRecord | DomainError {
  if (record.status !== "due" && record.status !== "overdue") return refuse(record, "pay", ["due", "overdue"]);
  // A proof sent after the deadline still owes the late fee, even if the sweeper has not run yet.
  const lateFee = isOverdue(record, now) ? LATE_FEE : record.lateFee;
  return { ...record, status: "paid_pending_review", proofFileId, lateFee, updatedAt: toIso(now) };
}

/** An admin confirmed the money arrived. */
export function approvePayment(record: CommissionRecord, now: Date | number): CommissionRecord | DomainError {
  if (record.status !== "paid_pending_review") return refuse(record, "approve", ["paid_pending_review"]);
  return { ...record, status: "paid", paidAt: toIso(now), updatedAt: toIso(now) };
}

/** An admin rejected the proof: back to due, or overdue (with the fee) if the deadline has passed. */
export function rejectPaymentProof(record: CommissionRecord, now: Date | number): CommissionRecord | DomainError {
  if (record.status !== "paid_pending_review") return refuse(record, "reject", ["paid_pending_review"]);
  const late = record.dueAt !== null && toMs(now) >= toMs(record.dueAt);
  return {
    ...record,
    status: late ? "overdue" : "due",
    lateFee: late ? LATE_FEE : record.lateFee,
    proofFileId: null,
    updatedAt: toIso(now),
  };
}

/** What the provider still owes on a record: commission plus any late fee; nothing once paid or void. */
export function amountOwed(record: CommissionRecord): number {
  return record.status === "paid" || record.status === "void" || record.status === "pending"
    ? 0
    : record.commission + record.lateFee;
}

/**
 * Whether a provider must be restricted given all their records: yes while any record is past its deadline without
 * an approved payment (a proof under review does not lift it; an admin's approval does).
 */
export function shouldBeRestricted(records: readonly CommissionRecord[], now: Date | number): boolean {
  return records.some(
    (record) =>
      (record.status === "due" || record.status === "overdue" || record.status === "paid_pending_review") &&
      record.dueAt !== null &&
      toMs(now) >= toMs(record.dueAt),
  );
}

/**
 * The effects that bring a provider's restriction in line with their records: restrict when something is overdue,
 * lift (and say thank you) when nothing is any more. Restrictions for other reasons (set by an admin) are left alone.
 */
export function restrictionChange(
  provider: ProviderRef,
  current: { isRestricted: boolean; restrictedReason: string | null },
  records: readonly CommissionRecord[],
  now: Date | number,
): Effect[] {
  const must = shouldBeRestricted(records, now);
  const to = recipientFor(provider);
  if (must && !current.isRestricted) {
    return [
      { type: "restrict_provider", provider, reason: RESTRICTED_FOR_OVERDUE },
      { type: "notify", to, bookingId: null, notification: { key: "account_restricted", params: {} } },
    ];
  }
  if (!must && current.isRestricted && current.restrictedReason === RESTRICTED_FOR_OVERDUE) {
    return [
      { type: "lift_restriction", provider },
      { type: "notify", to, bookingId: null, notification: { key: "restriction_lifted", params: {} } },
    ];
  }
  return [];
}
