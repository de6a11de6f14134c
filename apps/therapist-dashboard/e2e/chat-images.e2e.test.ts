// Photos and location pins in the booking chat, from the therapist's side: the dashboard's production build, the
// demo therapist signed in on a phone-sized Chromium, and the customer played through booking-server's use cases
// (what the customer app's routes call).
import { acceptTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import { getChatImage } from "@tenang/booking-server/messages/get-chat-image";
import { sendMessage } from "@tenang/booking-server/messages/send-message";
import { uploadChatImage } from "@tenang/booking-server/messages/upload-chat-image";
import { png } from "@tenang/testing/images";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  bookNow,
  expect,
  expectBookingStatus,
  goOnline,
  newCustomerId,
  offerCard,
  signIn,
  startWorld,
  type SignedIn,
  type World,
} from "./support/dashboard";

const naturalWidth = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));

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

describe("photos and location pins in the therapist's chat", () => {
  it("sends a photo, shows the customer's photo and pin, and keeps both readable by the two of them", async () => {
    const { page } = therapist;
    const customerId = newCustomerId();
    const created = await bookNow(world, customerId);
    const bookingId = created.booking.id;
    await offerCard(page, bookingId).getByTestId("offer-accept").click();
    await page.waitForURL(`**/bookings/${bookingId}`);
    await acceptTherapist(world.ctx, { customerId, bookingId, expectedVersion: 2 });
    await expectBookingStatus(page, "confirmed");

    // 1. The therapist attaches a photo: it shows at once, then as the stored photo loaded through the dashboard.
    const photo = png(40, 30);
    await page
      .getByLabel("Attach a photo")
      .setInputFiles({ name: "parking.png", mimeType: "image/png", buffer: photo });
    const own = '[data-testid="chat-message"][data-kind="image"][data-delivery="sent"] [data-testid="chat-photo"]';
    await page.locator(own).waitFor();
    await expect.poll(() => naturalWidth(page, own)).toBe(40);
    expect(await page.locator(own).getAttribute("alt")).toBe("Photo you sent");
    const src = (await page.locator(own).getAttribute("src"))!;
    const fileId = src.split("/").at(-1)!;
    expect(src).toBe(`/api/bookings/${bookingId}/images/${fileId}`);
    // The customer can read it; the route answers the therapist privately.
    const forCustomer = await getChatImage(world.ctx, {
      bookingId,
      fileId,
      viewer: { role: "customer", id: customerId },
    });
    expect(Buffer.from(forCustomer.bytes).equals(photo)).toBe(true);
    const served = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, cache: response.headers.get("cache-control") };
    }, src);
    expect(served).toEqual({ status: 200, cache: expect.stringMatching(/^private\b/) });
    // A photo id this booking's chat does not show is "not found", even for its therapist.
    expect(
      await page.evaluate((url) => fetch(url).then((r) => r.status), `/api/bookings/${bookingId}/images/not-a-photo`),
    ).toBe(404);

    // 2. The customer's photo arrives (realtime) and loads through the dashboard's route.
    const fromCustomer = png(20, 60);
    await uploadChatImage(world.ctx, {
      bookingId,
      sender: { role: "customer", id: customerId },
      clientMessageId: "customer-photo-0001",
      file: new File([new Uint8Array(fromCustomer)], "IMG_0420.jpg", { type: "image/jpeg" }),
      text: "Our gate",
    });
    const theirs = page
      .locator('[data-testid="chat-message"][data-kind="image"]')
      .filter({ hasText: "Our gate" })
      .getByTestId("chat-photo");
    await theirs.waitFor({ timeout: 10_000 });
    await expect.poll(() => theirs.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(20);
    expect(await theirs.getAttribute("alt")).toBe("Photo from Emma Clarke");

    // A tap opens it full size.
    await page.getByRole("button", { name: "Open the photo full size" }).last().click();
    const dialog = page.getByTestId("chat-photo-dialog").last();
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);

    // 3. A refused file says why.
    await page
      .getByLabel("Attach a photo")
      .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not a photo at all\n") });
    await expect
      .poll(() => page.getByTestId("chat-error").textContent())
      .toBe("Only JPEG, PNG or WebP photos can be sent.");

    // 4. The customer's location pin is a Google Maps link.
    await sendMessage(world.ctx, {
      bookingId,
      sender: { role: "customer", id: customerId },
      input: { kind: "location", clientMessageId: "customer-pin-0001", lat: -8.6913, lng: 115.1682, text: null },
    });
    const pin = page.locator('[data-testid="chat-message"][data-kind="location"] [data-testid="location-link"]');
    await pin.waitFor({ timeout: 10_000 });
    expect(await pin.getAttribute("href")).toBe("https://www.google.com/maps/search/?api=1&query=-8.6913,115.1682");
    expect(await pin.textContent()).toContain("Location");
  });
});
