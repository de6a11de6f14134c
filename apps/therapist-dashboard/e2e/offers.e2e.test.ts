// Offers end to end: a booking created by the engine (as the customer app does) rings on the dashboard within a
// second; accept → therapist_found → the customer accepts → the therapist serves it (status updates post system
// messages) and chats; decline moves the offer on; a customer cancelling while the therapist accepts ends in exactly
// one outcome, the same on screen and in the database.
import { acceptTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import { cancelBooking } from "@tenang/booking-server/bookings/cancel-booking";
import { sendMessage } from "@tenang/booking-server/messages/send-message";
import { listMessages } from "@tenang/booking-server/messages/list-messages";
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { parseSystemMessage, renderSystemMessage } from "@tenang/booking-core/system-messages";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  bookNow,
  DEMO_THERAPIST_ID,
  expect,
  expectBookingStatus,
  goOnline,
  newCustomerId,
  offerCard,
  SCREENSHOTS,
  signIn,
  startWorld,
  tomorrowAtWita,
  type SignedIn,
  type World,
} from "./support/dashboard";

// How long after the tap the customer's cancel is sent, per round (a varied interleaving, not a wait for a state).
const CANCEL_OFFSETS_MS = [0, 60, 150, 300, 600];

let world: World;
let therapist: SignedIn;

beforeAll(async () => {
  world = await startWorld();
  therapist = await signIn(world);
  await goOnline(therapist.page);
  // That tap was the page's first: it unlocked the alarm sound.
  await therapist.page.locator('[data-testid="sound-state"][data-state="ready"]').waitFor();
});
afterAll(async () => {
  await world?.close();
});

describe("offers on the therapist dashboard", () => {
  it("rings within a second, is accepted, confirmed by the customer, served to completion with chat", async () => {
    const { page } = therapist;
    const customerId = newCustomerId();

    const created = await bookNow(world, customerId);
    const bookingId = created.booking.id;
    expect(created.booking.offeredTherapistIds).toEqual([DEMO_THERAPIST_ID]);
    const card = offerCard(page, bookingId);
    await card.waitFor();
    // From the booking's creation (the engine's clock is this machine's) to the card on screen.
    const arrivedAfterMs = Date.now() - Date.parse(created.booking.createdAt);
    console.log(`offer on screen ${arrivedAfterMs} ms after the booking was created`);
    expect(arrivedAfterMs).toBeLessThan(1_000);

    // What the therapist needs to decide, and the alarm ringing until they act.
    const payout = created.booking.amount - Math.floor((created.booking.amount * 3000 + 5000) / 10000);
    expect(await card.getByTestId("offer-payout").innerText()).toBe(formatRupiah(payout, "id"));
    expect(await card.getByTestId("offer-price").innerText()).toBe(formatRupiah(created.booking.amount, "id"));
    expect(await card.getByTestId("offer-customer").innerText()).toBe("Emma");
    // Where, before the customer chose this therapist: the area and the distance, never the hotel/villa or address.
    expect(await card.getByTestId("offer-area").innerText()).toMatch(/^Seminyak \(\d+\.\d km away\)$/);
    expect(await card.innerText()).not.toMatch(/Villa Kembang|Kayu Aya|Clarke/);
    expect(await card.getByTestId("offer-countdown").innerText()).toMatch(/^0:0[0-6]$/);
    await page.locator('[data-testid="incoming-offers"][data-alarm="ringing"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/therapist-offer.png` });

    // Accept → held for the customer's decision.
    await card.getByTestId("offer-accept").click();
    await page.waitForURL(`**/bookings/${bookingId}`);
    await expectBookingStatus(page, "therapist_found");
    expect((await world.row("bookings", bookingId)).status).toBe("therapist_found");
    expect(await page.getByTestId("customer-card").count()).toBe(0);
    expect(await page.locator('[data-testid="sound-state"]').getAttribute("data-state")).toBe("ready");

    // The customer accepts → the therapist sees who and where.
    await acceptTherapist(world.ctx, { customerId, bookingId, expectedVersion: 2 });
    await expectBookingStatus(page, "confirmed");
    expect(await page.getByTestId("customer-name").innerText()).toBe("Emma Clarke");
    expect(await page.getByTestId("customer-whatsapp").getAttribute("href")).toBe("https://wa.me/6281234567890");
    expect(await page.getByTestId("booking-address").innerText()).toBe("Jl. Kayu Aya No. 8, Seminyak");
    expect(await page.getByTestId("customer-card").innerText()).toContain("Villa Kembang · Room 12");
    expect(await page.getByTestId("booking-map").getAttribute("href")).toMatch(
      /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=-8\.\d+,115\.\d+$/,
    );

    // A stale screen cannot move the booking: 409 with a sentence, and nothing changes.
    const stale = await page.request.post(`${world.app.url}/api/bookings/${bookingId}/status`, {
      data: { expectedVersion: 1, status: "on_the_way" },
    });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toEqual({
      error: {
        code: "version_conflict",
        message: "This booking changed in the meantime. Please refresh and try again.",
      },
    });
    expect((await world.row("bookings", bookingId)).status).toBe("confirmed");

    // On the way (with an ETA), a delay, arrived, started: each moves the booking and posts a system message.
    await page.getByTestId("eta-input").fill("20");
    await page.getByTestId("action-on_the_way").click();
    await expectBookingStatus(page, "on_the_way");
    await page.screenshot({ path: `${SCREENSHOTS}/therapist-active-booking.png`, fullPage: true });
    await page.getByTestId("action-delayed").click();
    await page.getByTestId("delay-input").fill("10");
    await page.getByTestId("delay-send").click();
    await page.locator('[data-testid="system-message"][data-key="delayed"]').waitFor();
    await page.getByTestId("action-arrived").click();
    await expectBookingStatus(page, "arrived");
    await page.getByTestId("action-in_progress").click();
    await expectBookingStatus(page, "in_progress");
    expect((await world.row("bookings", bookingId)).status).toBe("in_progress");

    // Chat both ways through the chat client.
    await page.getByTestId("chat-input").fill("Terima kasih, see you soon!");
    await page.getByTestId("chat-send").click();
    await page
      .locator('[data-testid="chat-message"][data-delivery="sent"]')
      .filter({ hasText: "Terima kasih, see you soon!" })
      .waitFor();
    await sendMessage(world.ctx, {
      bookingId,
      sender: { role: "customer", id: customerId },
      input: { kind: "text", clientMessageId: "customer-msg-0001", text: "The gate code is 4321" },
    });
    await page.getByTestId("chat-message").filter({ hasText: "The gate code is 4321" }).waitFor();

    await page.getByTestId("action-completed").click();
    await expectBookingStatus(page, "completed");
    await page.getByTestId("commission-countdown").waitFor();

    // The customer's chat holds every update, in both languages.
    const { messages } = await listMessages(world.ctx, { bookingId, viewer: { role: "customer", id: customerId } });
    const keys = messages.filter((m) => m.kind === "system").map((m) => (m.kind === "system" ? m.systemKey : ""));
    expect(keys).toEqual(expect.arrayContaining(["on_the_way", "delayed", "arrived", "session_started", "completed"]));
    const onTheWay = messages.find((m) => m.kind === "system" && m.systemKey === "on_the_way");
    const parsed = onTheWay?.kind === "system" ? parseSystemMessage(onTheWay.systemKey, onTheWay.systemParams) : null;
    expect(parsed && renderSystemMessage(parsed, { locale: "en" })).toContain("about 20 minutes");
    expect(parsed && renderSystemMessage(parsed, { locale: "id" })).toContain("sekitar 20 menit");
    const typed = messages.filter((m) => m.kind === "text").map((m) => m.senderType);
    expect(typed).toEqual(["therapist", "customer"]);
    expect((await world.row("therapists", DEMO_THERAPIST_ID)).isBusy).toBe(false);
  });

  it("declines with a reason: the card goes and the offer moves on to another therapist", async () => {
    const { page } = therapist;
    await page.goto(world.app.url);
    const customerId = newCustomerId();
    const created = await bookNow(world, customerId);
    const card = offerCard(page, created.booking.id);
    await card.waitFor();
    // Only now is a second therapist online, so the demo therapist was certainly asked first.
    await world.updateRow("therapists", "therapist-02", { isOnline: true });

    await card.getByTestId("offer-decline").click();
    await card.getByText("Too far").click();
    await card.getByTestId("offer-decline-confirm").click();
    await card.waitFor({ state: "detached" });

    const booking = await world.row("bookings", created.booking.id);
    expect(booking.status).toBe("searching");
    expect(booking.offeredTherapistIds).toEqual([DEMO_THERAPIST_ID, "therapist-02"]);
    const declined = await world.row("offers", created.booking.currentOfferId!);
    expect([declined.status, declined.declineReason]).toEqual(["declined", "too_far"]);
    expect((await world.row("offers", booking.currentOfferId as string)).therapistId).toBe("therapist-02");

    await cancelBooking(world.ctx, {
      actor: { role: "customer", customerId },
      bookingId: created.booking.id,
      expectedVersion: booking.version as number,
      reason: "changed_mind",
    });
    await world.updateRow("therapists", "therapist-02", { isOnline: false });
  });

  it("a cancel racing an accept ends in exactly one outcome, on screen as in the database (5 rounds)", async () => {
    const { page } = therapist;
    const outcomes: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      await page.goto(world.app.url);
      const customerId = newCustomerId();
      const created = await bookNow(world, customerId);
      const bookingId = created.booking.id;
      const card = offerCard(page, bookingId);
      await card.getByTestId("offer-accept").waitFor();

      // Both at once: the therapist's tap in the page and the customer's cancel through the engine. The cancel
      // starts a little later each round, so both orders of arrival at the server get exercised.
      const tap = card.getByTestId("offer-accept").dispatchEvent("click");
      await new Promise((resolve) => setTimeout(resolve, CANCEL_OFFSETS_MS[round % CANCEL_OFFSETS_MS.length]));
      const cancel = cancelBooking(world.ctx, {
        actor: { role: "customer", customerId },
        bookingId,
        expectedVersion: created.booking.version,
        reason: "changed_mind",
      }).then(
        () => "cancelled",
        (error: { code?: string }) => error.code ?? "error",
      );
      await tap;
      await cancel;

      // The screen settles on one outcome: the offer card says "no longer available", or the booking page opened.
      const gone = card.getByTestId("offer-gone");
      const detail = page.getByTestId("booking-detail");
      const notYours = page.getByTestId("booking-gone");
      const screen = async () =>
        (await gone.isVisible())
          ? "offer-gone"
          : (await detail.isVisible())
            ? `booking:${await detail.getAttribute("data-status")}`
            : (await notYours.isVisible())
              ? "booking-gone"
              : "settling";
      await expect.poll(screen, { timeout: 10_000 }).not.toBe("settling");
      const offer = await world.row("offers", created.booking.currentOfferId!);
      const booking = await world.row("bookings", bookingId);
      if (offer.status === "accepted") {
        // The accept won. The cancel then either followed it (cancelled before the customer confirmed: the booking
        // is no longer the therapist's to see) or lost on the version (still therapist_found, shown as such).
        expect(new URL(page.url()).pathname).toBe(`/bookings/${bookingId}`);
        expect(await gone.count()).toBe(0);
        if (booking.status === "therapist_found") {
          await expectBookingStatus(page, "therapist_found");
          await cancelBooking(world.ctx, {
            actor: { role: "customer", customerId },
            bookingId,
            expectedVersion: booking.version as number,
            reason: "changed_mind",
          });
        } else {
          expect(booking.status).toBe("cancelled");
        }
        await notYours.waitFor();
        outcomes.push(`accepted→${booking.status}`);
      } else {
        // The cancel won: "no longer available", and nothing else changed.
        expect([offer.status, booking.status, booking.therapistId ?? null]).toEqual(["withdrawn", "cancelled", null]);
        expect(await screen()).toBe("offer-gone");
        expect(new URL(page.url()).pathname).toBe("/");
        expect(await gone.innerText()).toMatch(/No longer available/);
        outcomes.push("no_longer_available");
      }
      const demo = await world.row("therapists", DEMO_THERAPIST_ID);
      expect([demo.isBusy, demo.isOnline]).toEqual([false, true]);
    }
    console.log("race outcomes:", outcomes.join(", "));
  });

  it("scheduled requests: the accepted one goes on the agenda, an overlapping one is refused with a clear message", async () => {
    const { page } = therapist;
    await page.goto(world.app.url);
    const scheduledFor = tomorrowAtWita(10);
    const request = { source: "scheduled", kind: "scheduled", scheduledFor, therapistId: DEMO_THERAPIST_ID };
    const [first, second] = [newCustomerId(), newCustomerId()];
    const a = await bookNow(world, first, request);
    const b = await bookNow(world, second, { ...request, customerName: "Liam Moore" });
    const cardA = offerCard(page, a.booking.id);
    const cardB = offerCard(page, b.booking.id);
    await cardA.waitFor();
    await cardB.waitFor();
    expect(await cardA.innerText()).toMatch(/scheduled booking request/i);

    await cardA.getByTestId("offer-accept").click();
    await page.waitForURL(`**/bookings/${a.booking.id}`);
    // The customer asked for this therapist by name, so accepting confirms at once.
    await expectBookingStatus(page, "confirmed");
    await page.goto(`${world.app.url}/agenda`);
    await page.locator(`[data-testid="booking-row"][data-booking-id="${a.booking.id}"]`).waitFor();

    await cardB.getByTestId("offer-accept").click();
    await cardB.getByText(/You already have a booking at that time/).waitFor();
    expect((await world.row("bookings", b.booking.id)).status).toBe("searching");
    expect(new URL(page.url()).pathname).toBe("/agenda");

    for (const [customerId, bookingId] of [
      [first, a.booking.id],
      [second, b.booking.id],
    ] as const) {
      const current = await world.row("bookings", bookingId);
      await cancelBooking(world.ctx, {
        actor: { role: "customer", customerId },
        bookingId,
        expectedVersion: current.version as number,
        reason: "changed_mind",
      });
    }
  });
});
