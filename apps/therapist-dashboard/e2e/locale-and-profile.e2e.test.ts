// The dashboard in Bahasa Indonesia (a cookie, server-rendered, API errors too), the service area set on the drawn map
// of southern Bali (tap + arrow keys + radius slider, saved through the profile route), and the history page's
// filters with money and the customers' ratings.
import { haversineKm } from "@tenang/booking-core/dispatch";
import { userMessageFor } from "@tenang/booking-core/errors";
import { splitCommission } from "@tenang/booking-core/revenue";
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { areaCentres } from "@tenang/booking-core/schemas/location";
import { DAY_MS } from "@tenang/booking-core/time";
import { acceptTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import { cancelBooking } from "@tenang/booking-server/bookings/cancel-booking";
import { updateBookingProgress } from "@tenang/booking-server/bookings/update-progress";
import type { BookingServerContext } from "@tenang/booking-server/context";
import { respondToOffer } from "@tenang/booking-server/bookings/respond-to-offer";
import { rateBooking } from "@tenang/booking-server/bookings/rate-booking";
import { DEMO_LOGINS } from "@tenang/db/seed/demo-data";
import { PHONE_VIEWPORT } from "@tenang/testing/browser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  bookNow,
  DEMO_THERAPIST_ID,
  expect,
  goOnline,
  newCustomerId,
  SCREENSHOTS,
  signIn,
  startWorld,
  type World,
} from "./support/dashboard";

let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const navTexts = (page: Page) => page.getByRole("navigation").getByRole("link").allInnerTexts();

/** A booking served to completion (or confirmed and then cancelled by the customer) through the engine. */
async function serveBooking(ctx: BookingServerContext, outcome: "completed" | "cancelled") {
  const customerId = newCustomerId();
  const created = await bookNow({ ...world, ctx }, customerId);
  const bookingId = created.booking.id;
  await respondToOffer(ctx, {
    therapistId: DEMO_THERAPIST_ID,
    offerId: created.booking.currentOfferId!,
    response: "accept",
  });
  let { booking } = await acceptTherapist(ctx, { customerId, bookingId, expectedVersion: 2 });
  if (outcome === "cancelled") {
    await cancelBooking(ctx, {
      actor: { role: "customer", customerId },
      bookingId,
      expectedVersion: booking.version,
      reason: "changed_mind",
    });
    return { bookingId, customerId };
  }
  for (const status of ["on_the_way", "arrived", "in_progress", "completed"] as const) {
    // The therapist's view of the booking holds no contact details; the rest of it moves on.
    booking = {
      ...booking,
      ...(
        await updateBookingProgress(ctx, {
          therapistId: DEMO_THERAPIST_ID,
          bookingId,
          expectedVersion: booking.version,
          input: { status, expectedVersion: booking.version },
        })
      ).booking,
    };
  }
  return { bookingId, customerId };
}

describe("language, service area and history", () => {
  it("switches to Bahasa Indonesia on the sign-in page and in the dashboard, and keeps it over a reload", async () => {
    // Signed out: the switch sits in the header of the sign-in page, and the route's refusal is Indonesian too.
    const visitor = await world.browser.newContext({ viewport: PHONE_VIEWPORT });
    const login = await visitor.newPage();
    await login.goto(`${world.app.url}/login`);
    await login.getByTestId("locale-id").click();
    await login.locator('html[lang="id"]').waitFor();
    await login.getByRole("heading", { name: "Masuk" }).waitFor();
    await login.getByLabel("Email atau nomor WhatsApp").fill(DEMO_LOGINS.therapist.email);
    await login.getByLabel("Kata sandi").fill("salah-sandi");
    await login.getByRole("button", { name: "Masuk" }).click();
    await expect
      .poll(() => login.getByTestId("login-error").innerText())
      .toBe("Email/nomor dan kata sandi tidak cocok.");
    await visitor.close();

    const { page, context } = await signIn(world);
    expect(await navTexts(page)).toEqual(["Today", "Agenda", "Earnings", "History", "Profile"]);
    await page.getByTestId("locale-id").click();
    await page.locator('html[lang="id"]').waitFor();
    await page.getByTestId("dashboard").waitFor();
    expect(await navTexts(page)).toEqual(["Hari ini", "Jadwal", "Pendapatan", "Riwayat", "Profil"]);
    expect(await page.getByTestId("online-status").innerText()).toBe("Offline — tidak terima tawaran");
    expect(await page.getByTestId("online-toggle").innerText()).toBe("Mulai online");
    await page.getByText(/Belum ada pesanan aktif/).waitFor();
    expect((await context.cookies()).find((c) => c.name === "tenang_locale")?.value).toBe("id");

    // Server-rendered from the cookie: the first HTML of a reload is already Indonesian.
    await page.reload();
    await page.getByTestId("dashboard").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    expect(await navTexts(page)).toEqual(["Hari ini", "Jadwal", "Pendapatan", "Riwayat", "Profil"]);
    const html = await (await page.request.get(`${world.app.url}/earnings`)).text();
    expect(html).toContain("Pendapatan");
    expect(html).not.toContain(">Earnings<");

    // The routes word their errors in the chosen language as well.
    const refused = await page.request.put(`${world.app.url}/api/profile`, { data: { name: "X" } });
    expect(refused.status()).toBe(422);
    const body = (await refused.json()) as { error: { message: string; issues: { message: string }[] } };
    expect(body.error.message).toBe(userMessageFor("validation_failed", "id"));

    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/therapist-id.png` });

    // And back: English again, also after a reload.
    await page.getByTestId("locale-en").click();
    await page.locator('html[lang="en"]').waitFor();
    await page.reload();
    expect(await navTexts(page)).toEqual(["Today", "Agenda", "Earnings", "History", "Profile"]);
    await context.close();
  });

  it("sets the service area by tapping the map, the arrow keys and the radius slider, and saves it", async () => {
    const { page, context } = await signIn(world);
    await page.goto(`${world.app.url}/profile`);
    const map = page.getByTestId("service-area-map");
    await map.scrollIntoViewIfNeeded();

    // Tap Sanur's dot, drawn where the map projects booking-core's area centre: the pin lands on that centre (to
    // within a pixel, ~150 m at this width), so drawing and tapping use one projection.
    const sanurDot = (await map.locator('[data-place="sanur"] circle').boundingBox())!;
    await page.mouse.click(sanurDot.x + sanurDot.width / 2, sanurDot.y + sanurDot.height / 2);
    const pin = page.getByTestId("service-area-pin");
    const pinAt = async () => ({
      lat: Number(await pin.getAttribute("data-lat")),
      lng: Number(await pin.getAttribute("data-lng")),
    });
    await expect.poll(async () => Math.abs((await pinAt()).lat - areaCentres.sanur.lat)).toBeLessThan(0.003);
    const tapped = await pinAt();
    expect(Math.abs(tapped.lng - areaCentres.sanur.lng)).toBeLessThan(0.003);

    // Two presses of ↑ move it 1 km north (0.5 km each); the longitude stays.
    await map.focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect.poll(async () => (await pinAt()).lat).toBeGreaterThan(tapped.lat + 0.005);
    const placed = await pinAt();
    expect(placed.lng).toBeCloseTo(tapped.lng, 6);
    // As dispatch measures it.
    expect(haversineKm(tapped, placed)).toBeCloseTo(1, 2);

    // The slider: from its minimum (1 km, the profile schema's) up to 12 km; the circle follows, drawn in km.
    const slider = page.getByTestId("service-area-radius");
    await slider.focus();
    await page.keyboard.press("Home");
    for (let i = 0; i < 11; i += 1) await page.keyboard.press("ArrowRight");
    await expect.poll(() => slider.inputValue()).toBe("12");
    expect(await slider.getAttribute("min")).toBe("1");
    expect(await slider.getAttribute("max")).toBe("50");
    expect(await page.getByTestId("service-area-circle").getAttribute("r")).toBe("12");
    expect(await page.getByTestId("service-area-pin-text").innerText()).toBe(
      `Your pin: ${placed.lat.toFixed(5)}, ${placed.lng.toFixed(5)}`,
    );

    await page.getByTestId("profile-save").click();
    await page.getByTestId("profile-saved").waitFor();
    const row = await world.row("therapists", DEMO_THERAPIST_ID);
    expect([row.lat, row.lng, row.serviceRadiusKm]).toEqual([placed.lat, placed.lng, 12]);

    await page.reload();
    await pin.waitFor();
    expect(await pinAt()).toEqual(placed);
    expect(await page.getByTestId("service-area-circle").getAttribute("data-radius-km")).toBe("12");
    expect(await slider.inputValue()).toBe("12");
    await page.getByTestId("service-area").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/therapist-profile-map.png` });
    await context.close();
  });

  it("filters the history by status and period, with money per booking and the customer's rating", async () => {
    const { page, context } = await signIn(world);
    await goOnline(page);
    const old = await serveBooking(world.ctxAt(-40 * DAY_MS), "completed");
    const rated = await serveBooking(world.ctx, "completed");
    const cancelled = await serveBooking(world.ctx, "cancelled");
    await rateBooking(world.ctx, {
      customerId: rated.customerId,
      bookingId: rated.bookingId,
      input: { stars: 4, comment: "Strong hands, very relaxing." },
    });

    await page.goto(`${world.app.url}/history`);
    const row = (id: string) => page.locator(`[data-testid="history-row"][data-booking-id="${id}"]`);
    const ours = [old.bookingId, rated.bookingId, cancelled.bookingId];
    const shownOfOurs = async () => {
      const shown = await page
        .getByTestId("history-row")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-booking-id")));
      return ours.filter((id) => shown.includes(id));
    };
    await row(old.bookingId).waitFor();
    expect(await shownOfOurs()).toEqual(ours);

    // Money per booking: the price, the 30 % commission and the payout of a completed one; none for a cancelled one.
    const amount = (await world.row("bookings", rated.bookingId)).amount as number;
    const split = splitCommission(amount);
    const ratedText = await row(rated.bookingId).innerText();
    for (const value of [amount, split.commission, split.payout])
      expect(ratedText).toContain(formatRupiah(value, "id"));
    expect(await row(cancelled.bookingId).innerText()).not.toContain(formatRupiah(split.payout, "id"));

    // The customer's rating on the booking, and the therapist's average in the header (the therapist row's).
    expect(await row(rated.bookingId).getByTestId("history-rating").innerText()).toContain(
      "Strong hands, very relaxing.",
    );
    expect(await row(rated.bookingId).locator("[data-stars]").getAttribute("aria-label")).toBe("4 out of 5 stars");
    expect(await row(old.bookingId).getByTestId("history-rating").count()).toBe(0);
    const therapist = await world.row("therapists", DEMO_THERAPIST_ID);
    const average = page.getByTestId("history-average");
    await expect.poll(() => average.getAttribute("data-count")).toBe(String(therapist.ratingCount));
    expect(Number(await average.getAttribute("data-rating"))).toBeCloseTo(therapist.rating as number, 6);

    // Status filters.
    const chip = (group: string, value: string) => page.locator(`[data-testid="${group}"] [data-value="${value}"]`);
    await chip("history-status", "cancelled").click();
    await expect.poll(shownOfOurs).toEqual([cancelled.bookingId]);
    expect(
      new Set(
        await page.getByTestId("history-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status"))),
      ),
    ).toEqual(new Set(["cancelled"]));
    await chip("history-status", "completed").click();
    await expect.poll(shownOfOurs).toEqual([old.bookingId, rated.bookingId]);
    await chip("history-status", "expired").click();
    await expect.poll(shownOfOurs).toEqual([]);
    await chip("history-status", "all").click();

    // Period filters: the 40-day-old session is neither this week nor this month; a date range finds it.
    await chip("history-period", "week").click();
    await expect.poll(shownOfOurs).toEqual([rated.bookingId, cancelled.bookingId]);
    await chip("history-period", "month").click();
    await expect.poll(shownOfOurs).toEqual([rated.bookingId, cancelled.bookingId]);
    await chip("history-period", "range").click();
    const oldDay = new Date(Date.now() - 40 * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.getByTestId("history-from").fill(oldDay);
    await page.getByTestId("history-to").fill(oldDay);
    await expect.poll(shownOfOurs).toEqual([old.bookingId]);
    await chip("history-period", "all").click();
    await expect.poll(shownOfOurs).toEqual(ours);
    await context.close();
  });
});
