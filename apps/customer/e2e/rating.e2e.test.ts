// Rating a completed session in the chat window, end to end: the customer site on `next start` against a fresh local
// Appwrite; the therapist is played through booking-server's use cases. The stars are chosen with the keyboard (a
// native radio group), the rating is stored once with the therapist's totals, and a reload shows it from the server.
import { updateBookingProgress } from "@tenang/booking-server/bookings/update-progress";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptCurrentOffer,
  bookingIdOn,
  fillServiceCard,
  newGuest,
  onlyOnline,
  row,
  SCREENSHOTS,
  startBookingWorld,
  type BookingWorld,
} from "./support/booking-world";

let world: BookingWorld;

beforeAll(async () => {
  world = await startBookingWorld();
});
afterAll(async () => {
  await world?.close();
});

/** The assigned therapist walks the booking from confirmed to completed. */
async function completeAs(therapistId: string, bookingId: string): Promise<void> {
  for (const status of ["on_the_way", "arrived", "in_progress", "completed"] as const) {
    const version = Number((await row(world, "bookings", bookingId)).version);
    await updateBookingProgress(world.ctx, {
      therapistId,
      bookingId,
      expectedVersion: version,
      input: { expectedVersion: version, status },
    });
  }
}

describe("rating a completed session", () => {
  it("stars by keyboard + a comment → Thanks; stored once, the therapist's count + 1, and shown after a reload", async () => {
    await onlyOnline(world, ["therapist-08"]);
    const { context, page } = await newGuest(world);
    await page.goto(world.app.url);
    await page.getByTestId("book-now").click();
    await fillServiceCard(page);
    await page.getByTestId("confirm-search").click();
    const bookingId = await bookingIdOn(page);
    const therapistId = await acceptCurrentOffer(world, bookingId);
    await page.getByTestId("accept-therapist").click();
    await expect.poll(() => page.getByTestId("booking-chat").getAttribute("data-status")).toBe("confirmed");

    const before = await row(world, "therapists", therapistId);
    await completeAs(therapistId, bookingId);
    await expect.poll(() => page.getByTestId("booking-chat").getAttribute("data-status")).toBe("completed");
    const form = page.getByTestId("rating-form");
    await form.waitFor();
    expect(await form.getByText("How was your session?").isVisible()).toBe(true);

    // Send without stars: told what is missing, nothing stored.
    await page.getByTestId("send-rating").click();
    expect(await page.getByTestId("rating-error").innerText()).toBe("Please choose from 1 to 5 stars.");

    // A labelled radio group: focus the first star, arrow right three times → 4 stars.
    await page.getByRole("radio", { name: "1 star", exact: true }).focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "4 stars" }).isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "Your rating" }).isVisible()).toBe(true);
    await page.getByLabel("Anything to add? (optional)").fill("  Calm, strong hands — terima kasih!  ");
    await page.screenshot({ path: `${SCREENSHOTS}/customer-rating-form.png` });
    await page.getByTestId("send-rating").click();

    const thanks = page.getByTestId("rating-thanks");
    await thanks.waitFor();
    expect(await thanks.getAttribute("data-stars")).toBe("4");
    expect(await thanks.innerText()).toContain("Thanks for your rating!");
    expect(await thanks.innerText()).toContain("You rated this session 4 out of 5.");
    expect(await page.getByTestId("rating-form").count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/customer-rating-thanks.png` });

    // Stored once, trimmed, with the therapist's totals moved by exactly this rating.
    expect(await row(world, "ratings", bookingId)).toMatchObject({
      bookingId,
      therapistId,
      stars: 4,
      comment: "Calm, strong hands — terima kasih!",
    });
    const after = await row(world, "therapists", therapistId);
    expect(after.ratingCount).toBe((before.ratingCount as number) + 1);
    expect(after.ratingSum).toBe((before.ratingSum as number) + 4);

    // A second rating is refused (409, worded for the guest) and changes nothing.
    const again = await page.request.post(`${world.app.url}/api/bookings/${bookingId}/rating`, {
      data: { stars: 1 },
      headers: { origin: world.app.url },
    });
    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: "already_rated", message: "You have already rated this booking. Thank you!" },
    });
    expect((await row(world, "therapists", therapistId)).ratingCount).toBe(after.ratingCount);

    // A reload shows the stored rating, from the server.
    await page.reload();
    await page.getByTestId("rating-thanks").waitFor();
    expect(await page.getByTestId("rating-thanks").getAttribute("data-stars")).toBe("4");
    expect(await page.getByTestId("rating-comment-shown").innerText()).toContain("Calm, strong hands — terima kasih!");

    // …and in Bahasa Indonesia for a guest who chose it.
    await context.addCookies([{ name: "tenang_locale", value: "id", url: world.app.url }]);
    await page.reload();
    await page.getByText("Terima kasih atas penilaian Anda!").waitFor();
    expect(await page.getByTestId("rating-thanks").innerText()).toContain("Anda memberi sesi ini 4 dari 5 bintang.");
    await context.close();
  });
});
