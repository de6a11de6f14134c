// Photos and location pins in the booking chat, end to end: the customer site on `next start` against a fresh local
// Appwrite, a phone-sized Chromium attaching a real PNG, and the therapist's side read through booking-server's use
// cases (what the therapist dashboard's routes call).
import { getChatImage } from "@tenang/booking-server/messages/get-chat-image";
import { listMessages } from "@tenang/booking-server/messages/list-messages";
import { sendMessage } from "@tenang/booking-server/messages/send-message";
import { PHONE_VIEWPORT } from "@tenang/testing/browser";
import { png } from "@tenang/testing/images";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptCurrentOffer,
  bookingIdOn,
  fillServiceCard,
  newGuest,
  onlyOnline,
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

const status = (page: Page) => page.getByTestId("booking-chat").getAttribute("data-status");
const naturalWidth = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));

// Where the guest is (Seminyak); the location pin they share carries it.
const HERE = { latitude: -8.6913, longitude: 115.1682 };

describe("photos and location pins in the chat", () => {
  it("a photo goes from the phone into the chat, loads, opens full size, and the therapist can read it", async () => {
    await onlyOnline(world, ["therapist-01"]);
    const context = await world.browser.newContext({
      viewport: PHONE_VIEWPORT,
      locale: "en-US",
      geolocation: HERE,
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const sent: string[] = [];
    page.on("request", (r) => sent.push(JSON.stringify({ url: r.url(), headers: r.headers() })));

    // A confirmed booking: Book now → therapist accepts → the guest accepts.
    await page.goto(world.app.url);
    await page.getByTestId("book-now").click();
    await fillServiceCard(page);
    await page.getByTestId("confirm-search").click();
    const bookingId = await bookingIdOn(page);
    const therapistId = await acceptCurrentOffer(world, bookingId);
    await page.getByTestId("accept-therapist").click();
    await expect.poll(() => status(page)).toBe("confirmed");

    // 1. Attach a PNG the phone calls .jpg: it shows at once, then as the stored photo, loaded from our route.
    const photo = png(48, 32);
    await page
      .getByLabel("Attach a photo")
      .setInputFiles({ name: "villa-gate.jpg", mimeType: "image/jpeg", buffer: photo });
    const stored = '[data-kind="image"][data-delivery="sent"] [data-testid="chat-photo"]';
    await page.locator(stored).waitFor();
    await expect.poll(() => naturalWidth(page, stored)).toBe(48);
    const src = await page.locator(stored).getAttribute("src");
    expect(src).toMatch(new RegExp(`^/api/bookings/${bookingId}/images/[A-Za-z0-9._-]+$`));
    expect(await page.locator(stored).getAttribute("alt")).toBe("Photo you sent");
    const box = await page.locator(stored).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width * 0.8);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width);

    // 2. A tap opens it full size; Close puts it away.
    await page.getByRole("button", { name: "Open the photo full size" }).click();
    const dialog = page.getByTestId("chat-photo-dialog");
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await expect
      .poll(() => dialog.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(48);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);

    // The route serves the bytes privately; nothing went to Appwrite from the browser with a key.
    const served = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        cache: response.headers.get("cache-control"),
        size: (await response.arrayBuffer()).byteLength,
      };
    }, src!);
    expect(served).toEqual({
      status: 200,
      type: "image/png",
      cache: expect.stringMatching(/^private\b/),
      size: photo.length,
    });

    // 3. The therapist's side: the message in their page of the chat, and the same bytes through the image use case.
    const therapist = { role: "therapist", id: therapistId } as const;
    const { messages } = await listMessages(world.ctx, { bookingId, viewer: therapist });
    const image = messages.find((m) => m.kind === "image");
    if (image?.kind !== "image") throw new Error("the therapist's chat has no photo");
    expect(src).toBe(`/api/bookings/${bookingId}/images/${image.imageFileId}`);
    const read = await getChatImage(world.ctx, { bookingId, fileId: image.imageFileId, viewer: therapist });
    expect(read.contentType).toBe("image/png");
    expect(Buffer.from(read.bytes).equals(photo)).toBe(true);
    // Another therapist, and another guest through the route, get "not found".
    await expect(
      getChatImage(world.ctx, {
        bookingId,
        fileId: image.imageFileId,
        viewer: { role: "therapist", id: "therapist-08" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const intruder = await newGuest(world);
    await intruder.page.goto(world.app.url);
    await intruder.page.evaluate(() =>
      fetch("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    );
    expect(await intruder.page.evaluate((url) => fetch(url).then((r) => r.status), src!)).toBe(404);
    await intruder.context.close();

    // 4. A text file named .png is refused by the server, saying why; one over 5 MB never leaves the phone.
    await page
      .getByLabel("Attach a photo")
      .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not a photo at all\n") });
    await expect
      .poll(() => page.getByTestId("action-error").textContent())
      .toBe("Only JPEG, PNG or WebP photos can be sent.");
    await page.locator('[data-kind="image"][data-delivery="failed"]').getByRole("button", { name: "Remove" }).click();
    const uploads = () => sent.filter((r) => r.includes(`/api/bookings/${bookingId}/images"`)).length;
    const before = uploads();
    const huge = Buffer.alloc(5 * 1024 * 1024 + 1);
    photo.copy(huge);
    await page.getByLabel("Attach a photo").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: huge });
    await expect
      .poll(() => page.getByTestId("action-error").textContent())
      .toBe("This photo is larger than 5 MB. Please choose a smaller one.");
    expect(uploads()).toBe(before);
    expect(await page.locator('[data-kind="image"]').count()).toBe(1);

    // 5. Location pins render as Google Maps links, the guest's own and the therapist's.
    await page.getByLabel("Share my location").click();
    const ownPin = page.locator(
      '[data-testid="chat-message"][data-own="true"][data-kind="location"][data-delivery="sent"] a',
    );
    await ownPin.waitFor();
    expect(await ownPin.getAttribute("href")).toBe(
      `https://www.google.com/maps/search/?api=1&query=${HERE.latitude},${HERE.longitude}`,
    );
    expect(await ownPin.getAttribute("target")).toBe("_blank");
    await sendMessage(world.ctx, {
      bookingId,
      sender: therapist,
      input: { kind: "location", clientMessageId: "therapist-pin-0001", lat: -8.68, lng: 115.16, text: "Parked here" },
    });
    const theirPin = page.locator('[data-testid="chat-message"][data-own="false"][data-kind="location"] a');
    await theirPin.waitFor();
    expect(await theirPin.getAttribute("href")).toBe("https://www.google.com/maps/search/?api=1&query=-8.68,115.16");
    expect(await theirPin.textContent()).toContain("Parked here");

    for (const request of sent) expect(request).not.toContain(world.stack.apiKey);
    await context.close();
  });
});
