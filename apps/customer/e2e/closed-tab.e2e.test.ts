// Issue 11: nothing may time out only because a browser is open. A guest books and closes every tab; the offer runs
// out and moves to the next therapist, and the last one runs out and ends the search — driven by the worker alone
// (a child process, as in production), with no page, no sweep route and no browser involved after Confirm & Search.
import { Query } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bookingIdOn,
  fillServiceCard,
  newGuest,
  onlyOnline,
  OFFER_WINDOW_SECONDS,
  pendingOffer,
  row,
  rows,
  startBookingWorld,
  waitFor,
  type BookingWorld,
} from "./support/booking-world";

let world: BookingWorld;

beforeAll(async () => {
  world = await startBookingWorld();
});
afterAll(async () => {
  await world?.close();
});

describe("with every tab closed", () => {
  it("the offer runs out, the next therapist is asked, and the search ends, by the worker alone", async () => {
    await onlyOnline(world, ["therapist-22", "therapist-29"]);
    const { context, page } = await newGuest(world);
    await page.goto(world.app.url);
    await page.getByTestId("book-now").click();
    await fillServiceCard(page);
    await page.getByTestId("confirm-search").click();
    const bookingId = await bookingIdOn(page);
    const first = await pendingOffer(world, bookingId, 1);

    // Every tab closes: from here on no browser can call anything.
    await context.close();
    expect(world.browser.contexts()).toEqual([]);

    // The worker slept to the offer's deadline and moved the booking on within a second of it.
    const second = await pendingOffer(world, bookingId, 2);
    expect(second.therapistId).not.toBe(first.therapistId);
    expect((await row(world, "offers", first.$id)).status).toBe("expired");
    const movedAfterMs = Date.parse(second.$createdAt) - Date.parse(String(first.expiresAt));
    expect(movedAfterMs).toBeGreaterThanOrEqual(0);
    expect(movedAfterMs).toBeLessThan(1000);

    // Nobody else is online: the second offer runs out too, and the search ends, still with no browser.
    const ended = await waitFor(
      async () => {
        const booking = await row(world, "bookings", bookingId);
        return booking.status === "expired" ? booking : null;
      },
      { timeoutMs: (OFFER_WINDOW_SECONDS + 5) * 1000, what: "the search to end" },
    );
    expect(ended).toMatchObject({ attempt: 2, version: 3 });
    const offers = await rows(world, "offers", [Query.equal("bookingId", bookingId), Query.orderAsc("attempt")]);
    expect(offers.map((o) => [o.therapistId, o.status])).toEqual([
      [first.therapistId, "expired"],
      [second.therapistId, "expired"],
    ]);
    // The worker says what it did, one line per job pass that did something.
    expect(world.worker.output()).toMatch(/offer-deadlines: 1 done/);
  });
});
