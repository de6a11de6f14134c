// Web Push in real Chromium (issue 11 §2): going online asks for notifications and registers the service worker
// (public/sw.js); a push the server really sent — encrypted for a subscription of this therapist, caught by a local
// push service and decrypted with the test's keys — is handed to that service worker through the DevTools protocol
// (ServiceWorker.deliverPushMessage), shows as a notification, is reported delivered, and a tap brings the tab to the
// page it names and is reported clicked.
//
// Headless Chromium cannot subscribe itself (PushManager.subscribe needs the vendor's push service, which a test
// machine has no account with, and refuses), so the subscription the server pushes to is one the test made; from the
// server's encryption to the notification on screen, everything else is the real path.
import { LOCAL_DEV_VAPID } from "@tenang/app-server/push-env";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { acceptTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import { settleNotifications } from "@tenang/booking-server/notifications/notify";
import { savePushSubscription } from "@tenang/booking-server/notifications/push-subscription-repository";
import { respondToOffer } from "@tenang/booking-server/bookings/respond-to-offer";
import { LocalPushService, decryptPush, newPushKeys } from "@tenang/testing/push-service";
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  bookNow,
  DEMO_THERAPIST_ID,
  expect,
  expectBookingStatus,
  goOnline,
  newCustomerId,
  offerCard,
  signIn,
  startWorld,
  tomorrowAtWita,
  type SignedIn,
  type World,
} from "./support/dashboard";

interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  requireInteraction: boolean;
  data: { url: string; id: string };
}

let world: World;
let service: LocalPushService;
let therapist: SignedIn;
let devtools: CDPSession;
const registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> = [];
const phone = newPushKeys();

beforeAll(async () => {
  world = await startWorld();
  service = await new LocalPushService().start();
  // This world's engine plays the customer app, which sends pushes with the dev VAPID pair (app-server push-env).
  Object.assign(world.ctx, {
    push: {
      vapidPublicKey: LOCAL_DEV_VAPID.publicKey,
      vapidPrivateKey: LOCAL_DEV_VAPID.privateKey,
      vapidSubject: LOCAL_DEV_VAPID.subject,
    },
  });
  therapist = await signIn(world);
  await therapist.context.grantPermissions(["notifications"], { origin: world.app.url });
  devtools = await therapist.context.newCDPSession(therapist.page);
  devtools.on("ServiceWorker.workerRegistrationUpdated", (event) => registrations.push(...event.registrations));
  await devtools.send("ServiceWorker.enable");
});
afterAll(async () => {
  await settleNotifications();
  await service?.close();
  await world?.close();
});

/** Decrypts the pushes that reached the test's phone so far, oldest first. */
function pushesToPhone(): string[] {
  return service.to("/push/therapist-phone").map((request) => decryptPush(phone, request.body));
}

async function deliver(payload: string): Promise<void> {
  const registration = registrations.findLast((r) => r.scopeURL === `${world.app.url}/` && !r.isDeleted);
  expect(registration, "the service worker's registration").toBeDefined();
  await devtools.send("ServiceWorker.deliverPushMessage", {
    origin: world.app.url,
    registrationId: registration!.registrationId,
    data: payload,
  });
}

async function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      requireInteraction: n.requireInteraction,
      data: n.data as { url: string; id: string },
    }));
  });
}

/**
 * A tap on the notification with this tag. No browser API clicks a notification, so the test dispatches the event
 * into the real service worker; that runs the same handler a tap runs.
 */
async function tap(tag: string): Promise<void> {
  const [worker] = therapist.context.serviceWorkers();
  expect(worker, "the running service worker").toBeDefined();
  await worker!.evaluate(async (wanted) => {
    const scope = self as unknown as {
      registration: { getNotifications(): Promise<Notification[]> };
      dispatchEvent(event: Event): boolean;
    };
    const [notification] = (await scope.registration.getNotifications()).filter((n) => n.tag === wanted);
    const Ctor = (globalThis as unknown as { NotificationEvent: new (type: string, init: object) => Event })
      .NotificationEvent;
    scope.dispatchEvent(new Ctor("notificationclick", { notification }));
  }, tag);
}

async function statusOf(notificationId: string, status: string): Promise<void> {
  await expect
    .poll(async () => (await world.row(TABLES.notifications, notificationId)).status, { timeout: 5_000 })
    .toBe(status);
}

describe("push notifications on the therapist dashboard", () => {
  it("is installable: the manifest names the app and its icons are served", async () => {
    const response = await fetch(`${world.app.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as { name: string; display: string; icons: Array<{ src: string }> };
    expect(manifest).toMatchObject({ name: "Tenang for therapists", display: "standalone" });
    for (const icon of manifest.icons) expect((await fetch(`${world.app.url}${icon.src}`)).status).toBe(200);
    const worker = await fetch(`${world.app.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-type")).toMatch(/javascript/);
  });

  it("going online asks for notifications and registers the service worker; nothing before that", async () => {
    const { page } = therapist;
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration())).toBeUndefined();
    await goOnline(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => Notification.permission)).toBe("granted");
    // The dashboard says in words what reaches the therapist (this headless browser cannot subscribe itself).
    await page.getByTestId("push-status").waitFor();
  });

  it("an offer pushed by the server shows as a notification that stays, and a tap opens the dashboard on it", async () => {
    // A scheduled request: its offer waits for an answer long enough for every step below on a slow machine.
    const { page } = therapist;
    const demo = await world.row(TABLES.therapists, DEMO_THERAPIST_ID);
    await savePushSubscription(world.ctx, {
      userId: String(demo.userId),
      app: "therapist",
      subscription: { endpoint: `${service.origin}/push/therapist-phone`, keys: phone.keys, locale: "en" },
    });
    // Elsewhere in the app when the offer comes in.
    await page.goto(`${world.app.url}/earnings`);

    const created = await bookNow(world, newCustomerId(), {
      source: "scheduled",
      kind: "scheduled",
      scheduledFor: tomorrowAtWita(10),
    });
    expect(created.booking.offeredTherapistIds).toEqual([DEMO_THERAPIST_ID]);
    await settleNotifications();
    const [offerPush] = pushesToPhone();
    expect(offerPush).toBeDefined();

    await deliver(offerPush!);
    await expect.poll(async () => (await shownNotifications(page)).length, { timeout: 5_000 }).toBe(1);
    const [shown] = await shownNotifications(page);
    expect(shown!.title).toMatch(/^New booking request · IDR [\d,]+$/);
    expect(shown!.body).toMatch(/^60 min · .+ You earn IDR [\d,]+\. Respond by \d\d:\d\d WITA\.$/);
    expect(shown!).toMatchObject({
      tag: created.booking.currentOfferId,
      requireInteraction: true,
      data: { url: `${world.app.url}/` },
    });
    await statusOf(shown!.data.id, "delivered");

    await tap(shown!.tag);
    await page.waitForURL(`${world.app.url}/`);
    await offerCard(page, created.booking.id).waitFor();
    await statusOf(shown!.data.id, "clicked");
  });

  it("a booking the customer confirmed is pushed too, and its tap opens that booking", async () => {
    const { page } = therapist;
    await page.goto(`${world.app.url}/earnings`);
    const customerId = newCustomerId();
    const created = await bookNow(world, customerId);
    const bookingId = created.booking.id;
    await respondToOffer(world.ctx, {
      therapistId: DEMO_THERAPIST_ID,
      offerId: created.booking.currentOfferId!,
      response: "accept",
    });
    await acceptTherapist(world.ctx, { customerId, bookingId, expectedVersion: 2 });
    await settleNotifications();
    const confirmedPush = pushesToPhone().at(-1)!;
    expect(JSON.parse(confirmedPush)).toMatchObject({ title: "Booking confirmed", url: `/bookings/${bookingId}` });
    await deliver(confirmedPush);
    await expect
      .poll(async () => (await shownNotifications(page)).some((n) => n.title === "Booking confirmed"), {
        timeout: 5_000,
      })
      .toBe(true);
    await tap(`booking-${bookingId}`);
    await page.waitForURL(`${world.app.url}/bookings/${bookingId}`);
    await expectBookingStatus(page, "confirmed");
  });
});
