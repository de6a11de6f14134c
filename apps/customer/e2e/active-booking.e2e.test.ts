// One booking under way per guest, enforced by the server: a booking form left open in another tab is refused when it
// is confirmed, with the server's sentence and a link back to the booking that is under way.
import { Query } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptCurrentOffer,
  bookingIdOn,
  fillServiceCard,
  newGuest,
  onlyOnline,
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

describe("one booking under way", () => {
  it("a second tab's Book now is refused and leads back to the booking under way", async () => {
    await onlyOnline(world, ["therapist-15", "therapist-22"]);
    const { context, page: first } = await newGuest(world);
    // Tab 1 opens the booking form and is left there.
    await first.goto(world.app.url);
    await first.getByTestId("book-now").click();
    await fillServiceCard(first);

    // Tab 2 (same guest) books.
    const second = await context.newPage();
    await second.goto(world.app.url);
    await second.getByTestId("book-now").click();
    await fillServiceCard(second);
    await second.getByTestId("confirm-search").click();
    const bookingId = await bookingIdOn(second);
    const customerId = String((await rows(world, "bookings", [Query.equal("$id", bookingId)]))[0]!.customerId);
    // A therapist takes it (offers last 4 s here; the customer's decision minutes), so it is surely still under way.
    await acceptCurrentOffer(world, bookingId);
    await second.getByTestId("therapist-card").waitFor();

    // Tab 1 confirms its stale form: refused by the server, nothing created, and a way back.
    await first.getByTestId("confirm-search").click();
    const error = first.getByTestId("form-error");
    await error.waitFor();
    expect(await error.innerText()).toContain(
      "You already have a booking under way. Finish or cancel it before booking again.",
    );
    expect(await rows(world, "bookings", [Query.equal("customerId", customerId)])).toHaveLength(1);
    await first.getByTestId("go-to-active-booking").click();
    await first.waitForURL(`**/bookings/${bookingId}`);
    expect(await bookingIdOn(first)).toBe(bookingId);
    await context.close();
  });

  it("a visit scheduled for later does not stand in the way of a Book now; the booking happening now does", async () => {
    await onlyOnline(world, ["therapist-29"]);
    const { context, page } = await newGuest(world);
    await page.goto(world.app.url);
    await page.getByTestId("schedule").click();
    await fillServiceCard(page);
    const dates = page.getByLabel("Date").locator("option");
    await page.getByLabel("Date").selectOption((await dates.nth(1).getAttribute("value"))!);
    await page.getByLabel("Time (WITA)").selectOption({ label: "11:00 WITA" });
    await page.getByRole("button", { name: "Send request" }).click();
    const scheduledId = await bookingIdOn(page);
    await page.getByText("Request sent").waitFor();

    // Book now opens the form (no redirect to tomorrow's request), and the server takes the booking.
    await page.goto(`${world.app.url}/book?source=bookNow`);
    await fillServiceCard(page);
    await page.getByTestId("confirm-search").click();
    const nowId = await waitFor(
      async () => {
        const id = await page
          .getByTestId("booking-chat")
          .getAttribute("data-booking-id")
          .catch(() => null);
        return id && id !== scheduledId ? id : null;
      },
      { what: "the Book now booking" },
    );
    const customerId = String((await rows(world, "bookings", [Query.equal("$id", nowId)]))[0]!.customerId);
    const open = await rows(world, "bookings", [Query.equal("customerId", customerId)]);
    expect(open.map((b) => b.kind).sort()).toEqual(["immediate", "scheduled"]);

    // While that one is under way, another Book now leads back to it.
    await page.goto(`${world.app.url}/book?source=bookNow`);
    await page.waitForURL(`**/bookings/${nowId}`);
    await context.close();
  });
});
