// The marketplace with both sides in real browsers: a guest books in the customer app while therapists answer on
// the therapist dashboard, both production builds against one fresh local Appwrite, the worker running. Every step
// is checked on both screens and in the database: the happy path to a completed booking and its commission,
// a decline moving the offer on, a cancel taking the offer off the therapist's screen, and Find another.
import { parseRupiah } from "@tenang/booking-core/rupiah";
import { Query } from "node-appwrite";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import {
  confirmAndSearch,
  customerStatus,
  newCustomer,
  openBookNow,
  systemMessage,
  type CustomerScreen,
} from "./support/customer-screen";
import {
  commissionOf,
  dumpScreens,
  offersOf,
  SCREENSHOTS,
  startMarketplaceWorld,
  waitFor,
  type MarketplaceWorld,
} from "./support/marketplace-world";
import { screenLog, whenLogged, type ScreenEvent } from "./support/screen-log";
import {
  bookingStatusOn,
  createTherapistLogin,
  DEMO_THERAPIST,
  offerCard,
  openToday,
  setOnline,
  signInTherapist,
  type TherapistScreen,
} from "./support/therapist-screen";

// A second Seminyak therapist (the seed's therapist-08), given a dashboard login by the test world.
const SECOND_THERAPIST_ID = "therapist-08";

let world: MarketplaceWorld;
let first: TherapistScreen;
let second: TherapistScreen;

beforeAll(async () => {
  world = await startMarketplaceWorld();
  const secondLogin = await createTherapistLogin(world, SECOND_THERAPIST_ID);
  [first, second] = await Promise.all([signInTherapist(world, DEMO_THERAPIST), signInTherapist(world, secondLogin)]);
});
afterAll(async () => {
  await world?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}marketplace-${name}.png` });
const clickOf = (testId: string) => (e: ScreenEvent) => e.type === "click" && e.testId === testId;
const offerShown = (bookingId: string) => (e: ScreenEvent) =>
  e.type === "shown" && e.testId === "offer-card" && e.attrs["booking-id"] === bookingId;
const offerRemoved = (bookingId: string) => (e: ScreenEvent) =>
  e.type === "removed" && e.testId === "offer-card" && e.attrs["booking-id"] === bookingId;
/** An amount as a screen shows it ("Rp175.000" or "IDR 175,000"), read back into rupiah. */
const rupiahIn = async (page: Page, selector: string) => parseRupiah(await page.locator(selector).innerText());

/** On a failure, screenshots of all three screens into e2e/test-results/. */
function screenshotsOnFailure(customer: CustomerScreen): void {
  onTestFailed(({ task }) =>
    dumpScreens(task.name, { customer: customer.page, first: first.page, second: second.page }),
  );
}

async function therapistName(therapistId: string): Promise<string> {
  return String((await world.row("therapists", therapistId)).name);
}

describe("customer app × therapist dashboard", () => {
  it("happy path: book → offer on the dashboard within 1 s → accept → confirm → chat → served → commission", async () => {
    await setOnline(first, true);
    await setOnline(second, false);
    const customer = await newCustomer(world);
    screenshotsOnFailure(customer);
    const { page } = customer;
    const therapistPage = first.page;

    await openBookNow(world, customer);
    await shot(page, "1-customer-confirm");

    // Confirm & Search → the offer card on the therapist's dashboard, timed from the tap to the card in the page.
    // (When the customer app answered the POST is logged too, to show where the time goes.)
    const answered = page
      .waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/bookings")
      .then(() => Date.now());
    const bookingId = await confirmAndSearch(customer);
    const tappedAt = await whenLogged(page, clickOf("confirm-search"), { what: "the Confirm & Search tap" });
    const shownAt = await whenLogged(therapistPage, offerShown(bookingId), { what: "the offer card" });
    const card = offerCard(therapistPage, bookingId);
    await card.waitFor();
    console.log(
      `offer card on the dashboard ${shownAt - tappedAt} ms after the customer's Confirm & Search tap ` +
        `(booking created and answered after ${(await answered) - tappedAt} ms)`,
    );
    expect(shownAt - tappedAt).toBeLessThan(1_000);

    const booking = await world.row("bookings", bookingId);
    const amount = Number(booking.amount);
    expect(booking).toMatchObject({ status: "searching", source: "bookNow", hotelOrVilla: "Villa Kembang" });
    const [offer] = await offersOf(world, bookingId);
    expect(offer).toMatchObject({ therapistId: DEMO_THERAPIST.therapistId, status: "pending", attempt: 1 });
    // What the therapist is asked, and what the customer sees meanwhile.
    const commission = (amount * 30) / 100;
    expect(await rupiahIn(therapistPage, `[data-booking-id="${bookingId}"] [data-testid="offer-price"]`)).toBe(amount);
    expect(await rupiahIn(therapistPage, `[data-booking-id="${bookingId}"] [data-testid="offer-payout"]`)).toBe(
      amount - commission,
    );
    expect(await card.getByTestId("offer-customer").innerText()).toBe("Emma");
    await expect.poll(() => page.getByTestId("search-attempt").textContent()).toBe("Asking therapist 1 of 5");
    expect(await second.page.locator('[data-testid="offer-card"]').count()).toBe(0);
    await shot(page, "2-customer-searching");
    await shot(therapistPage, "2-therapist-offer");

    // The therapist accepts: held for the customer, who sees who it is (name and photo).
    await card.getByTestId("offer-accept").click();
    await therapistPage.waitForURL(`**/bookings/${bookingId}`);
    await bookingStatusOn(therapistPage, "therapist_found");
    const found = page.getByTestId("therapist-card");
    await found.waitFor();
    const name = await therapistName(DEMO_THERAPIST.therapistId);
    expect(await page.getByTestId("found-therapist-name").innerText()).toBe(name);
    const photo = found.getByRole("img", { name });
    const photoFileId = String((await world.row("therapists", DEMO_THERAPIST.therapistId)).photoFileId);
    expect(await photo.getAttribute("src")).toContain(photoFileId);
    // The photo really loaded (served by the customer app's photo route from storage).
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
      .toBeGreaterThan(0);
    expect(await world.row("bookings", bookingId)).toMatchObject({
      status: "therapist_found",
      therapistId: DEMO_THERAPIST.therapistId,
    });
    expect((await world.row("offers", offer!.$id)).status).toBe("accepted");
    expect((await world.row("therapists", DEMO_THERAPIST.therapistId)).isBusy).toBe(true);
    await shot(page, "3-customer-therapist-found");
    await shot(therapistPage, "3-therapist-waiting");

    // The customer accepts the therapist: both screens say confirmed; the therapist now sees who and where.
    await page.getByTestId("accept-therapist").click();
    await expect.poll(() => customerStatus(customer)).toBe("confirmed");
    await bookingStatusOn(therapistPage, "confirmed");
    expect(await therapistPage.getByTestId("customer-name").innerText()).toBe("Emma Clarke");
    expect(await therapistPage.getByTestId("booking-address").innerText()).toBe("Jl. Kayu Aya No. 8, Seminyak");
    expect((await world.row("bookings", bookingId)).status).toBe("confirmed");
    expect(await commissionOf(world, bookingId)).toMatchObject({ amount, commission, payout: amount - commission });
    await shot(page, "4-customer-confirmed");
    await shot(therapistPage, "4-therapist-confirmed");

    // Chat, both ways, live (no reload on either side).
    await page.getByLabel("Message", { exact: true }).fill("Hi! The gate code is 1234.");
    await page.getByTestId("send-message").click();
    await therapistPage.getByTestId("chat-message").filter({ hasText: "Hi! The gate code is 1234." }).waitFor();
    await therapistPage.getByTestId("chat-input").fill("Terima kasih, see you soon!");
    await therapistPage.getByTestId("chat-send").click();
    await page
      .locator('[data-testid="chat-message"][data-own="false"]')
      .filter({ hasText: "Terima kasih, see you soon!" })
      .waitFor();
    const texts = await world.rows("messages", [Query.equal("bookingId", bookingId), Query.equal("kind", "text")]);
    expect(texts.map((m) => [m.senderType, m.text]).sort()).toEqual([
      ["customer", "Hi! The gate code is 1234."],
      ["therapist", "Terima kasih, see you soon!"],
    ]);
    await shot(page, "5-customer-chat");
    await shot(therapistPage, "5-therapist-chat");

    // The therapist reports progress on the booking page; each step is a system message in the customer's chat.
    await therapistPage.getByTestId("eta-input").fill("20");
    const steps = [
      { action: "on_the_way", status: "on_the_way", key: "on_the_way" },
      { action: "arrived", status: "arrived", key: "arrived" },
      { action: "in_progress", status: "in_progress", key: "session_started" },
      { action: "completed", status: "completed", key: "completed" },
    ];
    for (const step of steps) {
      await therapistPage.getByTestId(`action-${step.action}`).click();
      await bookingStatusOn(therapistPage, step.status);
      await systemMessage(customer, step.key).waitFor();
      await expect.poll(() => customerStatus(customer)).toBe(step.status);
      expect((await world.row("bookings", bookingId)).status).toBe(step.status);
    }
    expect(await systemMessage(customer, "on_the_way").innerText()).toContain("about 20 minutes");
    await shot(page, "6-customer-completed");
    await shot(therapistPage, "6-therapist-completed");

    // The commission: 30 % of the amount in whole rupiah, the rest paid out, due 3 h after completion.
    const record = await commissionOf(world, bookingId);
    expect(Number.isInteger(commission)).toBe(true);
    expect(record).toMatchObject({
      therapistId: DEMO_THERAPIST.therapistId,
      amount,
      commission,
      payout: amount - commission,
      rateBps: 3_000,
      status: "due",
    });
    const completedAt = String((await world.row("bookings", bookingId)).completedAt);
    expect(Date.parse(String(record?.dueAt)) - Date.parse(completedAt)).toBe(3 * 3_600_000);
    expect((await world.row("therapists", DEMO_THERAPIST.therapistId)).isBusy).toBe(false);
    await therapistPage.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Earnings" }).click();
    const row = `[data-testid="commission-row"][data-booking-id="${bookingId}"]`;
    await therapistPage.locator(`${row}[data-status="due"]`).waitFor();
    expect(await rupiahIn(therapistPage, `${row} [data-testid="commission-amount"]`)).toBe(amount);
    expect(await rupiahIn(therapistPage, `${row} [data-testid="commission-fee"]`)).toBe(commission);
    expect(await rupiahIn(therapistPage, `${row} [data-testid="commission-payout"]`)).toBe(amount - commission);
    await shot(therapistPage, "7-therapist-earnings");
    await openToday(first);
    await customer.context.close();
  });

  it("a decline on the dashboard (with a reason) moves the offer to the next therapist's dashboard", async () => {
    // Only the first therapist is online when the booking is made, so they are certainly asked first.
    await setOnline(first, true);
    await setOnline(second, false);
    const customer = await newCustomer(world);
    screenshotsOnFailure(customer);
    await openBookNow(world, customer);
    const bookingId = await confirmAndSearch(customer);
    const card = offerCard(first.page, bookingId);
    await card.waitFor();
    await setOnline(second, true);
    expect(await offerCard(second.page, bookingId).count()).toBe(0);

    await card.getByTestId("offer-decline").click();
    await card.getByText("Too far").click();
    await card.getByTestId("offer-decline-confirm").click();
    await card.waitFor({ state: "detached" });
    await offerCard(second.page, bookingId).waitFor();
    await expect.poll(() => customer.page.getByTestId("search-attempt").textContent()).toBe("Asking therapist 2 of 5");

    const [declined, next] = await offersOf(world, bookingId);
    expect([declined?.therapistId, declined?.status, declined?.declineReason]).toEqual([
      DEMO_THERAPIST.therapistId,
      "declined",
      "too_far",
    ]);
    expect([next?.therapistId, next?.status, next?.attempt]).toEqual([SECOND_THERAPIST_ID, "pending", 2]);
    expect(await world.row("bookings", bookingId)).toMatchObject({
      status: "searching",
      offeredTherapistIds: [DEMO_THERAPIST.therapistId, SECOND_THERAPIST_ID],
    });
    // The first therapist's dashboard does not get it back.
    expect(await offerCard(first.page, bookingId).count()).toBe(0);

    await customer.page.getByTestId("cancel-search").click();
    await customer.page.getByTestId("reset-notice").waitFor();
    await offerCard(second.page, bookingId).waitFor({ state: "detached" });
    await customer.context.close();
  });

  it("a cancel during the search takes the offer off the therapist's screen within 1 s", async () => {
    await setOnline(first, true);
    await setOnline(second, false);
    const customer = await newCustomer(world);
    screenshotsOnFailure(customer);
    await openBookNow(world, customer);
    const bookingId = await confirmAndSearch(customer);
    const card = offerCard(first.page, bookingId);
    await card.getByTestId("offer-accept").waitFor();
    const [offer] = await offersOf(world, bookingId);

    await customer.page.getByTestId("cancel-search").click();
    const tappedAt = await whenLogged(customer.page, clickOf("cancel-search"), { what: "the Cancel tap" });
    const removedAt = await whenLogged(first.page, offerRemoved(bookingId), { what: "the offer card to go" });
    console.log(`offer card gone from the dashboard ${removedAt - tappedAt} ms after the customer's Cancel tap`);
    expect(removedAt - tappedAt).toBeLessThan(1_000);
    expect(await card.count()).toBe(0);

    await customer.page.getByTestId("reset-notice").waitFor();
    expect(await customer.page.getByTestId("service-confirmation").isVisible()).toBe(true);
    expect((await world.row("offers", offer!.$id)).status).toBe("withdrawn");
    expect(await world.row("bookings", bookingId)).toMatchObject({ status: "cancelled", cancelledBy: "customer" });
    const therapist = await world.row("therapists", DEMO_THERAPIST.therapistId);
    expect([therapist.isBusy, therapist.isOnline, therapist.currentOfferId ?? null]).toEqual([false, true, null]);
    await customer.context.close();
  });

  it("Find another after an acceptance asks the next therapist, and never the first one again", async () => {
    await setOnline(first, true);
    await setOnline(second, false);
    const customer = await newCustomer(world);
    screenshotsOnFailure(customer);
    const { page } = customer;
    await openBookNow(world, customer);
    const bookingId = await confirmAndSearch(customer);
    const card = offerCard(first.page, bookingId);
    await card.waitFor();
    await setOnline(second, true);

    await card.getByTestId("offer-accept").click();
    await first.page.waitForURL(`**/bookings/${bookingId}`);
    await bookingStatusOn(first.page, "therapist_found");
    await page.getByTestId("therapist-card").waitFor();
    expect(await page.getByTestId("found-therapist-name").innerText()).toBe(
      await therapistName(DEMO_THERAPIST.therapistId),
    );

    await page.getByTestId("find-another").click();
    await offerCard(second.page, bookingId).waitFor();
    await expect.poll(() => customerStatus(customer)).toBe("searching");
    await expect.poll(() => page.getByTestId("search-attempt").textContent()).toBe("Asking therapist 2 of 5");
    // The first therapist is released: their booking page says it is no longer theirs, and they are free.
    await first.page.getByTestId("booking-gone").waitFor();
    await expect.poll(async () => (await world.row("therapists", DEMO_THERAPIST.therapistId)).isBusy).toBe(false);

    // The second therapist accepts; the customer sees them.
    await offerCard(second.page, bookingId).getByTestId("offer-accept").click();
    await second.page.waitForURL(`**/bookings/${bookingId}`);
    await bookingStatusOn(second.page, "therapist_found");
    await expect
      .poll(() => page.getByTestId("found-therapist-name").innerText())
      .toBe(await therapistName(SECOND_THERAPIST_ID));

    // The first therapist was offered this booking once: one offer row, and one offer card (the first) ever shown.
    const offers = await offersOf(world, bookingId);
    expect(offers.map((o) => [o.therapistId, o.status])).toEqual([
      [DEMO_THERAPIST.therapistId, "accepted"],
      [SECOND_THERAPIST_ID, "accepted"],
    ]);
    const seenByFirst = (await screenLog(first.page)).filter(offerShown(bookingId)).map((e) => e.attrs["offer-id"]);
    expect(new Set(seenByFirst)).toEqual(new Set([offers[0]!.$id]));
    expect(await offerCard(first.page, bookingId).count()).toBe(0);
    expect(await world.row("bookings", bookingId)).toMatchObject({
      status: "therapist_found",
      therapistId: SECOND_THERAPIST_ID,
      offeredTherapistIds: [DEMO_THERAPIST.therapistId, SECOND_THERAPIST_ID],
    });

    await page.getByTestId("cancel-booking").click();
    await page.getByTestId("reset-notice").waitFor();
    await second.page.getByTestId("booking-gone").waitFor();
    await waitFor(async () => (await world.row("therapists", SECOND_THERAPIST_ID)).isBusy === false, {
      what: "the second therapist released",
    });
    await customer.context.close();
  });
});
