// Availability and money on the dashboard: three missed offers in a row take the therapist offline (and say why); a
// completed booking's commission counts down, goes overdue (Rp25.000 late fee, restricted: no offers), the therapist
// uploads a transfer proof, operations approve it, and offers come again.
import { acceptTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import { updateBookingProgress } from "@tenang/booking-server/bookings/update-progress";
import { approveCommissionPayment } from "@tenang/booking-server/commissions/approve-commission-payment";
import { respondToOffer } from "@tenang/booking-server/bookings/respond-to-offer";
import { sweepDueBookings } from "@tenang/booking-server/sweeper/sweep-due-bookings";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  bookNow,
  DEMO_THERAPIST_ID,
  expect,
  goOnline,
  newCustomerId,
  offerCard,
  OFFER_WINDOW_SECONDS,
  SCREENSHOTS,
  signIn,
  startWorld,
  type SignedIn,
  type World,
} from "./support/dashboard";

const HOUR_MS = 3_600_000;
// A 1×1 PNG: what a phone's photo of a bank transfer is, as far as the server can tell.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

let world: World;
let therapist: SignedIn;

beforeAll(async () => {
  world = await startWorld();
  therapist = await signIn(world);
  await goOnline(therapist.page);
});
afterAll(async () => {
  await world?.close();
});

/** The sweeper, run as if `offsetMs` had passed (instead of waiting for the deadline). */
const sweepLater = (offsetMs: number) => sweepDueBookings(world.ctxAt(offsetMs));

describe("availability and commission", () => {
  it("takes the therapist offline after 3 missed offers in a row, and says why", async () => {
    const { page } = therapist;
    for (let missed = 1; missed <= 3; missed += 1) {
      const created = await bookNow(world, newCustomerId());
      const card = offerCard(page, created.booking.id);
      await card.waitFor();
      await sweepLater((OFFER_WINDOW_SECONDS + 1) * 1000);
      await card.waitFor({ state: "detached" });
      expect((await world.row("offers", created.booking.currentOfferId!)).status).toBe("expired");
      expect((await world.row("therapists", DEMO_THERAPIST_ID)).missedOffersInRow).toBe(missed);
    }
    expect((await world.row("therapists", DEMO_THERAPIST_ID)).isOnline).toBe(false);
    await page.locator('[data-testid="online-status"][data-state="offline"]').waitFor();
    expect(await page.getByTestId("missed-offline-banner").innerText()).toMatch(/missed 3 offers in a row/);

    await goOnline(page);
    await page.getByTestId("missed-offline-banner").waitFor({ state: "detached" });
    expect((await world.row("therapists", DEMO_THERAPIST_ID)).missedOffersInRow).toBe(0);
  });

  it("restricts on an overdue commission (no offers), takes a proof, and resumes offers once approved", async () => {
    const { page } = therapist;
    // A booking served to completion through the engine (the UI path is covered in offers.e2e.test.ts).
    const customerId = newCustomerId();
    const created = await bookNow(world, customerId);
    const bookingId = created.booking.id;
    await respondToOffer(world.ctx, {
      therapistId: DEMO_THERAPIST_ID,
      offerId: created.booking.currentOfferId!,
      response: "accept",
    });
    let { booking } = await acceptTherapist(world.ctx, { customerId, bookingId, expectedVersion: 2 });
    for (const status of ["on_the_way", "arrived", "in_progress", "completed"] as const) {
      // The therapist's view of the booking holds no contact details; the rest of it moves on.
      booking = {
        ...booking,
        ...(
          await updateBookingProgress(world.ctx, {
            therapistId: DEMO_THERAPIST_ID,
            bookingId,
            expectedVersion: booking.version,
            input: { status, expectedVersion: booking.version },
          })
        ).booking,
      };
    }

    // Earnings: the booking counts today; its commission is due in 3 hours.
    await page.goto(`${world.app.url}/earnings`);
    const row = page.locator(`[data-testid="commission-row"][data-booking-id="${bookingId}"]`);
    await row.and(page.locator('[data-status="due"]')).waitFor();
    expect(await row.getByTestId("commission-due-countdown").innerText()).toMatch(/Due in (3 h 00|2 h 5\d) min/);
    expect(await page.getByTestId("earnings-today").innerText()).toContain("Rp175.000");

    // Bank details for payouts, kept in the user's preferences.
    await page.getByLabel("Bank").fill("BCA");
    await page.getByLabel("Account holder").fill("Ni Wayan Sari");
    await page.getByLabel("Account number").fill("123-456-7890");
    await page.getByRole("button", { name: "Save bank details" }).click();
    await page.getByText("Saved.").waitFor();
    const demoUserId = (await world.row("therapists", DEMO_THERAPIST_ID)).userId as string;
    expect((await world.stack.admin.users.getPrefs({ userId: demoUserId })).bank).toEqual({
      bankName: "BCA",
      accountName: "Ni Wayan Sari",
      accountNumber: "1234567890",
    });

    // Three hours later nobody has paid: overdue, late fee, restricted — and told so on every page.
    await sweepLater(3 * HOUR_MS + 60_000);
    await page.getByTestId("restricted-banner").waitFor();
    expect(await page.getByTestId("restricted-banner").innerText()).toMatch(/late fee of Rp25\.000/);
    await row.and(page.locator('[data-status="overdue"]')).waitFor();
    expect(await row.innerText()).toContain("Late fee Rp25.000");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/therapist-earnings.png`, fullPage: true });

    // No offers while restricted: the only online therapist is skipped, so the search ends at once.
    const skipped = await bookNow(world, newCustomerId());
    expect(skipped.booking.offeredTherapistIds).toEqual([]);
    expect(skipped.booking.status).toBe("expired");
    const offers = await page.request.get(`${world.app.url}/api/offers`);
    expect((await offers.json()).offers).toEqual([]);
    const online = await page.request.post(`${world.app.url}/api/me/online`, { data: { online: true } });
    expect([online.status(), (await online.json()).error?.code]).toEqual([403, "provider_restricted"]);

    // The therapist uploads the transfer proof; it waits for operations.
    await row.getByTestId("proof-input").setInputFiles({ name: "transfer.png", mimeType: "image/png", buffer: PNG });
    await row.and(page.locator('[data-status="paid_pending_review"]')).waitFor();
    const commission = await world.row("commissions", bookingId);
    expect(commission.status).toBe("paid_pending_review");
    expect(commission.proofFileId).toEqual(expect.any(String));
    expect((await world.row("therapists", DEMO_THERAPIST_ID)).isRestricted).toBe(true);

    // Operations approve: the restriction lifts and offers ring again.
    await approveCommissionPayment(world.ctx, { commissionId: bookingId, adminId: "e2e-admin" });
    await page.getByTestId("restricted-banner").waitFor({ state: "detached" });
    await row.and(page.locator('[data-status="paid"]')).waitFor();
    const demo = await world.row("therapists", DEMO_THERAPIST_ID);
    expect(demo.isRestricted).toBe(false);
    if (!demo.isOnline) await goOnline(page);
    const resumed = await bookNow(world, newCustomerId());
    expect(resumed.booking.offeredTherapistIds).toEqual([DEMO_THERAPIST_ID]);
    await offerCard(page, resumed.booking.id).waitFor();
  });
});
