import { describe, expect, it } from "vitest";
import { NOW, created, ok } from "../test/fixtures";
import {
  RESTRICTED_FOR_OVERDUE,
  amountOwed,
  approvePayment,
  createCommissionRecord,
  isOverdue,
  markCommissionDue,
  markOverdue,
  providerOf,
  rejectPaymentProof,
  restrictionChange,
  shouldBeRestricted,
  submitPaymentProof,
  voidCommission,
} from "./commission";
import { DomainError } from "./errors";
import { transition } from "./lifecycle/transitions";
import { type CommissionRecord, commissionRecordSchema } from "./schemas/commission";

const HOUR = 3_600_000;
const booking = () => {
  const b = created().booking;
  const found = ok(
    transition(
      b,
      {
        type: "accept_offer",
        expectedVersion: 1,
        actor: { role: "therapist", therapistId: "t1" },
        offerId: "b1_1",
        commitments: [],
      },
      NOW + 1000,
    ),
  ).booking;
  return { ...found, amount: 350_000, price: 350_000 };
};
const record = () => createCommissionRecord(booking(), NOW);
const COMPLETED = NOW + 2 * HOUR;
const due = () => markCommissionDue(record(), COMPLETED) as CommissionRecord;
const DUE_AT = COMPLETED + 3 * HOUR;

function unwrap(value: CommissionRecord | DomainError): CommissionRecord {
  if (value instanceof DomainError) throw value;
  return commissionRecordSchema.parse(value);
}

describe("a commission record's life", () => {
  it("is created pending at confirmation: 30 % of the amount, id = booking id", () => {
    expect(unwrap(record())).toMatchObject({
      id: "b1",
      bookingId: "b1",
      providerType: "therapist",
      therapistId: "t1",
      placeId: null,
      amount: 350_000,
      commission: 105_000,
      payout: 245_000,
      status: "pending",
      dueAt: null,
      lateFee: 0,
    });
    expect(amountOwed(record())).toBe(0);
  });

  it("is due 3 h after completion", () => {
    const r = unwrap(markCommissionDue(record(), COMPLETED));
    expect(r).toMatchObject({ status: "due", dueAt: new Date(DUE_AT).toISOString() });
    expect(amountOwed(r)).toBe(105_000);
    expect(markCommissionDue(r, COMPLETED)).toBeInstanceOf(DomainError);
  });

  it("is voided when the booking is cancelled before completion", () => {
    expect(unwrap(voidCommission(record(), NOW)).status).toBe("void");
    expect(voidCommission(due(), NOW)).toBeInstanceOf(DomainError);
    expect(amountOwed({ ...record(), status: "void" })).toBe(0);
  });

  it("becomes overdue at the deadline: Rp25.000 late fee, provider restricted and told", () => {
    expect(markOverdue(due(), DUE_AT - 1)).toBeNull();
    const result = markOverdue(due(), DUE_AT);
    expect(result?.record).toMatchObject({ status: "overdue", lateFee: 25_000 });
    expect(result?.effects).toEqual([
      {
        type: "restrict_provider",
        provider: { providerType: "therapist", therapistId: "t1" },
        reason: RESTRICTED_FOR_OVERDUE,
      },
      {
        type: "notify",
        to: { role: "therapist", therapistId: "t1" },
        bookingId: "b1",
        notification: { key: "payment_overdue", params: { amount: 105_000, lateFee: 25_000 } },
      },
    ]);
    expect(amountOwed(result?.record as CommissionRecord)).toBe(130_000);
    expect(markOverdue(result?.record as CommissionRecord, DUE_AT + HOUR)).toBeNull();
    expect(markOverdue(record(), DUE_AT)).toBeNull();
  });

  it("is paid by proof and approval; a late proof still owes the fee", () => {
    const onTime = unwrap(submitPaymentProof(due(), "proof1", DUE_AT - HOUR));
    expect(onTime).toMatchObject({ status: "paid_pending_review", proofFileId: "proof1", lateFee: 0 });
    const late = unwrap(submitPaymentProof(due(), "proof2", DUE_AT + 1));
    expect(late.lateFee).toBe(25_000);
    const paid = unwrap(approvePayment(onTime, DUE_AT));
    expect(paid).toMatchObject({ status: "paid", paidAt: new Date(DUE_AT).toISOString() });
    expect(amountOwed(paid)).toBe(0);
    expect(submitPaymentProof(paid, "x", DUE_AT)).toBeInstanceOf(DomainError);
    expect(approvePayment(due(), DUE_AT)).toBeInstanceOf(DomainError);
  });

  it("a rejected proof goes back to due, or overdue with the fee after the deadline", () => {
    const proof = unwrap(submitPaymentProof(due(), "proof1", DUE_AT - HOUR));
    expect(unwrap(rejectPaymentProof(proof, DUE_AT - 1))).toMatchObject({
      status: "due",
      proofFileId: null,
      lateFee: 0,
    });
    expect(unwrap(rejectPaymentProof(proof, DUE_AT))).toMatchObject({ status: "overdue", lateFee: 25_000 });
    expect(rejectPaymentProof(due(), DUE_AT)).toBeInstanceOf(DomainError);
    const undated = { ...proof, dueAt: null };
    expect(unwrap(rejectPaymentProof(undated, DUE_AT)).status).toBe("due");
  });
});

describe("restriction", () => {
  const provider = { providerType: "therapist" as const, therapistId: "t1" };
  it("a provider is restricted while any deadline has passed without an approved payment", () => {
    expect(isOverdue(due(), DUE_AT)).toBe(true);
    expect(isOverdue({ ...due(), dueAt: null }, DUE_AT)).toBe(false);
    expect(shouldBeRestricted([due()], DUE_AT - 1)).toBe(false);
    expect(shouldBeRestricted([due()], DUE_AT)).toBe(true);
    const underReview = unwrap(submitPaymentProof(due(), "p", DUE_AT + 1));
    expect(shouldBeRestricted([underReview], DUE_AT + 2)).toBe(true);
    expect(shouldBeRestricted([unwrap(approvePayment(underReview, DUE_AT + 3))], DUE_AT + 3)).toBe(false);
    expect(shouldBeRestricted([record(), { ...record(), status: "void" }], DUE_AT)).toBe(false);
  });

  it("restrictionChange restricts, lifts (only its own restriction), or leaves alone", () => {
    expect(restrictionChange(provider, { isRestricted: false, restrictedReason: null }, [due()], DUE_AT)).toEqual([
      { type: "restrict_provider", provider, reason: RESTRICTED_FOR_OVERDUE },
      {
        type: "notify",
        to: { role: "therapist", therapistId: "t1" },
        bookingId: null,
        notification: { key: "account_restricted", params: {} },
      },
    ]);
    expect(
      restrictionChange(provider, { isRestricted: true, restrictedReason: RESTRICTED_FOR_OVERDUE }, [], DUE_AT),
    ).toEqual([
      { type: "lift_restriction", provider },
      {
        type: "notify",
        to: { role: "therapist", therapistId: "t1" },
        bookingId: null,
        notification: { key: "restriction_lifted", params: {} },
      },
    ]);
    expect(restrictionChange(provider, { isRestricted: true, restrictedReason: "fraud" }, [], DUE_AT)).toEqual([]);
    expect(
      restrictionChange(provider, { isRestricted: true, restrictedReason: RESTRICTED_FOR_OVERDUE }, [due()], DUE_AT),
    ).toEqual([]);
  });

  it("places are restricted the same way", () => {
    const spa: CommissionRecord = { ...due(), providerType: "place", therapistId: null, placeId: "p1" };
    expect(providerOf(spa)).toEqual({ providerType: "place", placeId: "p1" });
    expect(markOverdue(spa, DUE_AT)?.effects[1]).toMatchObject({ to: { role: "place", placeId: "p1" } });
    expect(providerOf({ ...spa, placeId: null })).toEqual({ providerType: "therapist", therapistId: "" });
  });

  it("the record schema refuses a split that does not add up", () => {
    expect(commissionRecordSchema.safeParse({ ...due(), payout: 1 }).success).toBe(false);
  });
});
