// The whole life of an immediate booking through the engine, against the local Appwrite: dispatch to the best-ranked
// therapist, acceptance, the customer's decision, progress, completion, and who can read which row on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptTherapist } from "../src/bookings/customer-decisions";
import { createBooking } from "../src/bookings/create-booking";
import { getActiveCustomerBooking, getCustomerBooking } from "../src/bookings/get-customer-booking";
import { updateBookingProgress } from "../src/bookings/update-progress";
import { listPendingOffers } from "../src/offers/list-pending-offers";
import { respondToOffer } from "../src/bookings/respond-to-offer";
import { mintRealtimeToken } from "../src/realtime/mint-realtime-token";
import { getTherapistForUser } from "../src/therapists/therapist-repository";
import { getTherapistBooking, listTherapistBookings } from "../src/therapists/list-therapist-bookings";
import { type Engine, TABLES, bookingInput, newKey, startEngine } from "./support/engine";
import {
  type SessionUser,
  createSessionUser,
  linkTherapistUser,
  rankedFor,
  readAs,
  systemKeysOf,
  transitionsOf,
} from "./support/fixtures";

let engine: Engine;
let customer: SessionUser;
let stranger: SessionUser;
let therapistUser: SessionUser;

beforeAll(async () => {
  engine = await startEngine();
  customer = await createSessionUser(engine, "Emma");
  stranger = await createSessionUser(engine, "Someone Else");
  therapistUser = await createSessionUser(engine, "Therapist");
});
afterAll(() => engine.close());

describe("happy path", () => {
  it("create → offer → accept → customer accepts → confirmed → progress → completed", async () => {
    const { ctx, clock } = engine;
    const input = bookingInput();
    const [best] = await rankedFor(engine, input);
    expect(best).toBeDefined();
    const therapistId = best!.therapist.id;
    await linkTherapistUser(engine, therapistId, therapistUser.userId);
    expect((await getTherapistForUser(ctx, therapistUser.userId))?.id).toBe(therapistId);

    const created = await createBooking(ctx, { customerId: customer.userId, input, idempotencyKey: newKey() });
    const bookingId = created.booking.id;
    expect(created.booking).toMatchObject({ status: "searching", version: 1, attempt: 1, amount: 250_000 });
    expect(created.booking.offeredTherapistIds).toEqual([therapistId]);
    expect(created.therapist).toBeNull();

    // The offer is the therapist's, without the room number.
    const [offerView] = await listPendingOffers(ctx, { therapistId });
    expect(offerView?.offer).toMatchObject({ bookingId, therapistId, status: "pending", attempt: 1 });
    expect(offerView?.booking).toMatchObject({ commission: 75_000, payout: 175_000, customerFirstName: "Emma" });
    expect(JSON.stringify(offerView)).not.toContain('"12"');
    const offerId = offerView!.offer.id;
    expect(await readAs(therapistUser, engine, TABLES.offers, offerId)).toBe(200);
    expect(await readAs(customer, engine, TABLES.offers, offerId)).toBe(404);
    // Not assigned yet: the therapist cannot read the booking row, nor its change signal.
    expect(await readAs(therapistUser, engine, TABLES.bookings, bookingId)).toBe(404);
    expect(await readAs(therapistUser, engine, TABLES.bookingUpdates, bookingId)).toBe(404);

    clock.advance(5_000);
    expect(await respondToOffer(ctx, { therapistId, offerId, response: "accept" })).toEqual({ outcome: "accepted" });
    const found = await getCustomerBooking(ctx, { customerId: customer.userId, bookingId });
    expect(found.booking).toMatchObject({ status: "therapist_found", therapistId, version: 2 });
    expect(found.therapist).toMatchObject({ id: therapistId, whatsapp: null });
    expect(found.therapist!.etaMinutes).toBeGreaterThanOrEqual(10);
    expect((await engine.row(TABLES.therapists, therapistId)).isBusy).toBe(true);
    expect(await listPendingOffers(ctx, { therapistId })).toEqual([]);
    // Holding it: the change signal, never the row with the customer's contact details (test/privacy.test.ts).
    expect(await readAs(therapistUser, engine, TABLES.bookings, bookingId)).toBe(404);
    expect(await readAs(therapistUser, engine, TABLES.bookingUpdates, bookingId)).toBe(200);

    clock.advance(20_000);
    const confirmed = await acceptTherapist(ctx, { customerId: customer.userId, bookingId, expectedVersion: 2 });
    expect(confirmed.booking).toMatchObject({ status: "confirmed", commissionId: bookingId, version: 3 });
    expect(confirmed.therapist?.whatsapp).toMatch(/^\+62/);
    const commission = await engine.row(TABLES.commissions, bookingId);
    expect(commission).toMatchObject({
      status: "pending",
      amount: 250_000,
      commission: 75_000,
      payout: 175_000,
      therapistId,
    });
    expect(commission.$permissions).toEqual([`read("user:${therapistUser.userId}")`]);
    expect(await readAs(therapistUser, engine, TABLES.commissions, bookingId)).toBe(200);
    expect(await readAs(customer, engine, TABLES.commissions, bookingId)).toBe(404);

    const active = await listTherapistBookings(ctx, { therapistId, scope: "active" });
    expect(active.map((v) => v.booking.id)).toEqual([bookingId]);
    expect(active[0]).toMatchObject({
      customerFirstName: "Emma",
      contact: { name: "Emma Clarke", whatsapp: "+6281234567890", roomNumber: "12" },
    });

    let version = 3;
    for (const input of [
      { status: "on_the_way", etaMinutes: 20 },
      { status: "delayed", delayMinutes: 10 },
      { status: "arrived" },
      { status: "in_progress" },
      { status: "completed" },
    ] as const) {
      clock.advance(60_000);
      const view = await updateBookingProgress(ctx, {
        therapistId,
        bookingId,
        expectedVersion: version,
        input: { ...input, expectedVersion: version },
      });
      version += 1;
      expect(view.booking.version).toBe(version);
    }
    const done = await getTherapistBooking(ctx, { therapistId, bookingId });
    expect(done.booking.status).toBe("completed");
    const completedAt = Date.parse(done.booking.completedAt!);
    expect(completedAt).toBe(clock().getTime());

    expect(await engine.row(TABLES.commissions, bookingId)).toMatchObject({
      status: "due",
      dueAt: new Date(completedAt + 3 * 3_600_000).toISOString().replace("Z", "+00:00"),
    });
    const therapistRow = await engine.row(TABLES.therapists, therapistId);
    expect(therapistRow).toMatchObject({ isBusy: false, missedOffersInRow: 0 });
    expect(Date.parse(String(therapistRow.lastBookingAt))).toBe(completedAt);

    expect(await systemKeysOf(engine, bookingId)).toEqual([
      "searching",
      "therapist_found",
      "confirmed_immediate",
      "on_the_way",
      "delayed",
      "arrived",
      "session_started",
      "completed",
    ]);
    // One lock row per version, v0 (create) … v7 (complete).
    expect((await transitionsOf(engine, bookingId)).map((t) => [t.fromVersion, t.event])).toEqual([
      [0, "create"],
      [1, "accept_offer"],
      [2, "accept_therapist"],
      [3, "depart"],
      [4, "report_delay"],
      [5, "arrive"],
      [6, "start"],
      [7, "complete"],
    ]);

    // A reload within the hour resumes the ended booking; later there is nothing to resume.
    expect((await getActiveCustomerBooking(ctx, { customerId: customer.userId }))?.booking.id).toBe(bookingId);
    clock.advance(61 * 60_000);
    expect(await getActiveCustomerBooking(ctx, { customerId: customer.userId })).toBeNull();
  });

  it("row permissions: a second customer's session cannot read the first's booking or chat", async () => {
    const { ctx } = engine;
    const created = await createBooking(ctx, {
      customerId: customer.userId,
      input: bookingInput(),
      idempotencyKey: newKey(),
    });
    const bookingId = created.booking.id;
    const row = await engine.row(TABLES.bookings, bookingId);
    // The booking row is staff-only; the customer reads its change signal, a stranger not even that.
    expect(row.$permissions).toEqual([]);
    expect(await readAs(customer, engine, TABLES.bookings, bookingId)).toBe(404);
    const signal = await engine.row(TABLES.bookingUpdates, bookingId);
    expect(signal.$permissions).toEqual([`read("user:${customer.userId}")`]);
    expect(await readAs(customer, engine, TABLES.bookingUpdates, bookingId)).toBe(200);
    expect(await readAs(stranger, engine, TABLES.bookingUpdates, bookingId)).toBe(404);

    const listed = await stranger.tablesDB.listRows({ databaseId: engine.stack.databaseId, tableId: TABLES.bookings });
    expect(listed.rows.map((r) => r.$id)).not.toContain(bookingId);
    const messages = await customer.tablesDB.listRows({
      databaseId: engine.stack.databaseId,
      tableId: TABLES.messages,
    });
    expect(messages.rows.some((m) => m.bookingId === bookingId)).toBe(true);
    const theirs = await stranger.tablesDB.listRows({ databaseId: engine.stack.databaseId, tableId: TABLES.messages });
    expect(theirs.rows).toEqual([]);

    await expect(getCustomerBooking(ctx, { customerId: stranger.userId, bookingId })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("mints a 15-minute realtime JWT for a session", async () => {
    const token = await mintRealtimeToken(engine.ctx, { userId: customer.userId, sessionId: customer.sessionId });
    expect(token.jwt.split(".")).toHaveLength(3);
    expect(Date.parse(token.expiresAt) - engine.clock().getTime()).toBe(900_000);
  });
});
