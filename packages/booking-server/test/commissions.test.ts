// Money after the session: the commission falls due 3 h after completion; past that the sweeper marks it overdue
// (late fee) and restricts the therapist, who then gets no offers and may not go online until support approves the
// payment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelBooking } from "../src/bookings/cancel-booking";
import { createBooking } from "../src/bookings/create-booking";
import { approveCommissionPayment, submitCommissionPayment } from "../src/commissions/approve-commission-payment";
import { sweepDueBookings } from "../src/sweeper/sweep-due-bookings";
import { setTherapistOnline } from "../src/therapists/set-therapist-online";
import { type Engine, TABLES, bookingInput, newCustomerId, newKey, startEngine } from "./support/engine";
import { completeBooking, confirmedBooking } from "./support/flows";

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

describe("commission", () => {
  it("overdue → late fee and restriction (once, with two sweepers) → not offered → paid → lifted", async () => {
    const { ctx, clock } = engine;
    const customerId = newCustomerId();
    const { booking, therapistId } = await confirmedBooking(engine, customerId);
    const therapist = await engine.row(TABLES.therapists, therapistId);
    const completed = await completeBooking(engine, booking, therapistId);
    const commission = await engine.row(TABLES.commissions, booking.id);
    expect(commission).toMatchObject({ status: "due", commission: 75_000, lateFee: 0 });
    expect(Date.parse(commission.dueAt)).toBe(Date.parse(completed.completedAt!) + 3 * 3_600_000);

    // Just before the deadline nothing happens.
    clock.advance(3 * 3_600_000 - 1_000);
    await sweepDueBookings(ctx);
    expect((await engine.row(TABLES.commissions, booking.id)).status).toBe("due");

    clock.advance(1_000);
    const [a, b] = await Promise.all([sweepDueBookings(ctx), sweepDueBookings(engine.secondContext())]);
    expect(a.advanced + b.advanced).toBe(1);
    expect(await engine.row(TABLES.commissions, booking.id)).toMatchObject({ status: "overdue", lateFee: 25_000 });
    expect(await engine.row(TABLES.therapists, therapistId)).toMatchObject({
      isRestricted: true,
      restrictedReason: "commission_overdue",
    });

    // Restricted: cannot go (back) online, cannot be booked directly, is not offered.
    await setTherapistOnline(ctx, { therapistId, online: false });
    await expect(setTherapistOnline(ctx, { therapistId, online: true })).rejects.toMatchObject({
      code: "provider_restricted",
      details: { reason: "commission_overdue" },
    });
    await engine.update(TABLES.therapists, therapistId, { isOnline: true }); // even if a stale flag says online
    const at = { lat: therapist.lat as number, lng: therapist.lng as number };
    await expect(
      createBooking(ctx, {
        customerId: newCustomerId(),
        input: bookingInput({ ...at, therapistId }),
        idempotencyKey: newKey(),
      }),
    ).rejects.toMatchObject({ code: "provider_restricted" });
    const dispatched = await createBooking(ctx, {
      customerId: newCustomerId(),
      input: bookingInput(at),
      idempotencyKey: newKey(),
    });
    expect(dispatched.booking.offeredTherapistIds).not.toContain(therapistId);

    // Paying: proof uploaded (still restricted while under review), then approved (lifted).
    const submitted = await submitCommissionPayment(ctx, {
      therapistId,
      commissionId: booking.id,
      proofFileId: "proof-1",
    });
    expect(submitted).toMatchObject({ status: "paid_pending_review", lateFee: 25_000, proofFileId: "proof-1" });
    expect((await engine.row(TABLES.therapists, therapistId)).isRestricted).toBe(true);
    await expect(
      submitCommissionPayment(ctx, { therapistId: "therapist-99", commissionId: booking.id, proofFileId: "proof-2" }),
    ).rejects.toMatchObject({ code: "not_found" });

    const approved = await approveCommissionPayment(ctx, { commissionId: booking.id, adminId: "demo-admin" });
    expect(approved.status).toBe("paid");
    expect(await engine.row(TABLES.therapists, therapistId)).toMatchObject({
      isRestricted: false,
      restrictedReason: null,
    });
    await expect(
      approveCommissionPayment(ctx, { commissionId: booking.id, adminId: "demo-admin" }),
    ).rejects.toMatchObject({
      code: "invalid_transition",
    });
    await setTherapistOnline(ctx, { therapistId, online: false });
    expect((await setTherapistOnline(ctx, { therapistId, online: true })).isOnline).toBe(true);
  });

  it("a cancelled confirmed booking voids its commission and frees the therapist", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const { booking, therapistId } = await confirmedBooking(engine, customerId, { lat: -8.65, lng: 115.14 });
    expect((await engine.row(TABLES.therapists, therapistId)).isBusy).toBe(true);
    await cancelBooking(ctx, {
      actor: { role: "therapist", therapistId },
      bookingId: booking.id,
      expectedVersion: 3,
      reason: "customer_unreachable",
    });
    expect((await engine.row(TABLES.commissions, booking.id)).status).toBe("void");
    expect((await engine.row(TABLES.therapists, therapistId)).isBusy).toBe(false);
  });
});
