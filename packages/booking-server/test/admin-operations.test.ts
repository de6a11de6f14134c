// Operations' read use cases (src/admin): the commission queue in the order staff work it, the transfer proof behind
// a record, and the latest bookings by status — against the local server with the real schema and seed.
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { InputFile } from "node-appwrite/file";
import { ID } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCommissionQueue } from "../src/admin/commission-queue";
import { readCommissionProof } from "../src/admin/commission-proof";
import { getOverview } from "../src/admin/get-overview";
import { listLatestBookings } from "../src/admin/latest-bookings";
import { cancelBooking } from "../src/bookings/cancel-booking";
import { acceptTherapist } from "../src/bookings/customer-decisions";
import { getCustomerBooking } from "../src/bookings/get-customer-booking";
import { respondToOffer } from "../src/bookings/respond-to-offer";
import { createBooking } from "../src/bookings/create-booking";
import { approveCommissionPayment, submitCommissionPayment } from "../src/commissions/approve-commission-payment";
import { sweepDueBookings } from "../src/sweeper/sweep-due-bookings";
import { type Engine, TABLES, bookingInput, newCustomerId, newKey, startEngine } from "./support/engine";
import { completeBooking, confirmedBooking } from "./support/flows";

const HOUR_MS = 3_600_000;
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

async function storeProof(name: string, bytes: Buffer): Promise<string> {
  const file = await engine.ctx.storage.createFile({
    bucketId: BUCKETS.paymentProofs,
    fileId: ID.unique(),
    file: InputFile.fromBuffer(bytes, name),
  });
  return file.$id;
}

/** A booking for a therapist the customer asked for by name: their accepting it confirms it. */
async function confirmedByRequest(therapistId: string, customerName: string) {
  const customerId = newCustomerId();
  const { ctx } = engine;
  const view = await createBooking(ctx, {
    customerId,
    input: bookingInput({ customerName, therapistId }),
    idempotencyKey: newKey(),
  });
  await respondToOffer(ctx, { therapistId, offerId: view.booking.currentOfferId!, response: "accept" });
  const stored = await engine.row(TABLES.bookings, view.booking.id);
  const booking =
    stored.status === "therapist_found"
      ? (
          await acceptTherapist(ctx, {
            customerId,
            bookingId: view.booking.id,
            expectedVersion: stored.version as number,
          })
        ).booking
      : (await getCustomerBooking(ctx, { customerId, bookingId: view.booking.id })).booking;
  expect(booking.status).toBe("confirmed");
  return { booking };
}

describe("operations", () => {
  it("queues proofs to check first, then overdue (fee, restricted), then due, then the payments just confirmed", async () => {
    const { ctx, clock } = engine;
    // Two sessions completed by the same therapist, both left unpaid past their deadline.
    const first = await confirmedBooking(engine, newCustomerId(), { customerName: "Emma Clarke" });
    const therapistId = first.therapistId;
    const firstCompleted = await completeBooking(engine, first.booking, therapistId);
    const second = await confirmedByRequest(therapistId, "Liam Brown");
    await completeBooking(engine, second.booking, therapistId);
    clock.advance(3 * HOUR_MS + 60_000);
    await sweepDueBookings(ctx);
    // A third, with another therapist, finished just now: due, not late.
    const third = await confirmedBooking(engine, newCustomerId(), { customerName: "Noor Aziz" });
    expect(third.therapistId).not.toBe(therapistId);
    await completeBooking(engine, third.booking, third.therapistId);

    const proofFileId = await storeProof("transfer.png", PNG);
    await submitCommissionPayment(ctx, { therapistId, commissionId: first.booking.id, proofFileId });

    const queue = (await listCommissionQueue(ctx)).filter((v) =>
      [first.booking.id, second.booking.id, third.booking.id].includes(v.id),
    );
    expect(queue.map((v) => [v.id, v.group])).toEqual([
      [first.booking.id, "awaiting_confirmation"],
      [second.booking.id, "overdue"],
      [third.booking.id, "due"],
    ]);
    const therapist = await engine.row(TABLES.therapists, therapistId);
    expect(queue[0]).toMatchObject({
      status: "paid_pending_review",
      providerType: "therapist",
      providerId: therapistId,
      providerName: therapist.name,
      providerRestricted: true,
      customerFirstName: "Emma",
      amount: first.booking.amount,
      commission: Math.round(first.booking.amount * 0.3),
      lateFee: 25_000,
      hasProof: true,
      paidAt: null,
      bookingDate: firstCompleted.completedAt,
    });
    expect(queue[0]).not.toHaveProperty("proofFileId");
    expect(queue[1]).toMatchObject({ lateFee: 25_000, hasProof: false, providerRestricted: true });
    expect(queue[2]).toMatchObject({ lateFee: 0, providerRestricted: false, customerFirstName: "Noor" });
    expect(Date.parse(queue[2]!.dueAt!)).toBeGreaterThan(clock().getTime());

    // The proof, as uploaded.
    const proof = await readCommissionProof(ctx, first.booking.id);
    expect(proof.contentType).toBe("image/png");
    expect(Buffer.from(proof.bytes).equals(PNG)).toBe(true);
    await expect(readCommissionProof(ctx, second.booking.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(readCommissionProof(ctx, "no-such-record")).rejects.toMatchObject({ code: "not_found" });

    // Confirmed: it moves to "paid"; the therapist stays restricted while the other record is overdue.
    await approveCommissionPayment(ctx, { commissionId: first.booking.id, adminId: "ops" });
    const afterFirst = await listCommissionQueue(ctx);
    expect(afterFirst.find((v) => v.id === first.booking.id)).toMatchObject({ group: "paid", status: "paid" });
    expect(afterFirst.find((v) => v.id === second.booking.id)?.providerRestricted).toBe(true);
    // A second click on a confirmed record is refused, and changes nothing.
    await expect(
      approveCommissionPayment(ctx, { commissionId: first.booking.id, adminId: "ops" }),
    ).rejects.toMatchObject({ code: "invalid_transition", details: { status: "paid" } });

    // The other one paid and confirmed too: nothing overdue, the restriction is lifted.
    const secondProof = await storeProof("transfer.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"));
    await submitCommissionPayment(ctx, { therapistId, commissionId: second.booking.id, proofFileId: secondProof });
    expect((await readCommissionProof(ctx, second.booking.id)).contentType).toBe("application/pdf");
    await approveCommissionPayment(ctx, { commissionId: second.booking.id, adminId: "ops" });
    expect(await engine.row(TABLES.therapists, therapistId)).toMatchObject({ isRestricted: false });
    const paid = (await listCommissionQueue(ctx)).filter((v) => v.group === "paid").map((v) => v.id);
    expect(paid.slice(0, 2)).toEqual(expect.arrayContaining([first.booking.id, second.booking.id]));
  });

  it("lists the latest bookings, newest first, optionally of one status", async () => {
    const { ctx } = engine;
    const customerId = newCustomerId();
    const created = await createBooking(ctx, {
      customerId,
      input: bookingInput({ customerName: "Sofia Rossi", source: "bookNow" }),
      idempotencyKey: newKey(),
    });
    await cancelBooking(ctx, {
      actor: { role: "customer", customerId },
      bookingId: created.booking.id,
      expectedVersion: created.booking.version,
      reason: "changed_mind",
    });

    const all = await listLatestBookings(ctx, { status: null });
    expect(all[0]).toMatchObject({
      id: created.booking.id,
      status: "cancelled",
      customerFirstName: "Sofia",
      source: "bookNow",
      amount: created.booking.amount,
      providerName: null,
    });
    const times = all.map((b) => Date.parse(b.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]).not.toHaveProperty("customerWhatsapp");

    const completed = await listLatestBookings(ctx, { status: "completed" });
    expect(completed.length).toBeGreaterThanOrEqual(3);
    expect(completed.every((b) => b.status === "completed" && b.providerName !== null)).toBe(true);
    expect((await listLatestBookings(ctx, { status: "cancelled" })).map((b) => b.id)).toContain(created.booking.id);
    expect((await listLatestBookings(ctx, { status: "expired" })).map((b) => b.id)).not.toContain(created.booking.id);
  });
});

describe("getOverview", () => {
  it("counts therapists (and those online), places and bookings as the tables hold them", async () => {
    const overview = await getOverview(engine.ctx);
    const therapists = await engine.rows(TABLES.therapists);
    expect(overview).toEqual({
      therapists: therapists.length,
      onlineTherapists: therapists.filter((row) => row.isOnline === true).length,
      places: (await engine.rows(TABLES.places)).length,
      bookings: (await engine.rows(TABLES.bookings)).length,
    });
    expect(overview.therapists).toBeGreaterThan(0);
  });
});
