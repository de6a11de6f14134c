// Web Push end to end on the server side (issue 11 §2): a push service of our own (RFC 8030) on 127.0.0.1, browser
// keys the test makes (a P-256 key pair and an auth secret, as a browser's PushManager would), and the engine's real
// changes. What arrives must be encrypted per RFC 8291 (aes128gcm) and signed per RFC 8292 (VAPID), and decrypt with
// the test's private key to what the service worker is meant to show. A device the service calls gone (404/410) is
// forgotten; a 500 leaves the row pending for retryDueNotifications, which sends it once its backoff has passed.
import { LocalPushService, decryptPush, newPushKeys, readVapid } from "@tenang/testing/push-service";
import { Query } from "node-appwrite";
import webpush from "web-push";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBooking } from "../src/bookings/create-booking";
import { acceptTherapist } from "../src/bookings/customer-decisions";
import type { BookingServerContext } from "../src/context";
import { respondToOffer } from "../src/bookings/respond-to-offer";
import type { PushPayload } from "../src/notifications/notification-content";
import { notify, settleNotifications } from "../src/notifications/notify";
import {
  type StoredPushSubscription,
  findPushSubscription,
  savePushSubscription,
} from "../src/notifications/push-subscription-repository";
import { notificationDeliveryReport } from "../src/notifications/delivery-report";
import {
  FIRST_TRY_GRACE_MS,
  createNotification,
  newNotificationId,
} from "../src/notifications/notification-repository";
import { recordNotificationReceipt } from "../src/notifications/record-notification-receipt";
import { retryDueNotifications } from "../src/notifications/retry-due-notifications";
import { type Engine, TABLES, bookingInput, newKey, startEngine } from "./support/engine";
import { type SessionUser, createSessionUser, rankedFor } from "./support/fixtures";

// ---- The tests ----

let engine: Engine;
let service: LocalPushService;
let ctx: BookingServerContext;
let customer: SessionUser;
const vapid = webpush.generateVAPIDKeys();

beforeAll(async () => {
  engine = await startEngine();
  service = await new LocalPushService().start();
  ctx = {
    ...engine.ctx,
    push: {
      vapidPublicKey: vapid.publicKey,
      vapidPrivateKey: vapid.privateKey,
      vapidSubject: "mailto:ops@tenang.test",
    },
  };
  customer = await createSessionUser(engine, "Push Customer");
});
afterAll(async () => {
  await settleNotifications();
  await service.close();
  await engine.close();
});
beforeEach(() => {
  service.received.length = 0;
});

async function subscribe(userId: string, app: "therapist" | "customer", path: string, locale: "en" | "id" = "en") {
  const browser = newPushKeys();
  const stored = await savePushSubscription(ctx, {
    userId,
    app,
    subscription: { endpoint: `${service.origin}${path}`, keys: browser.keys, locale },
  });
  return { browser, stored };
}

async function notificationRows(subscription: StoredPushSubscription) {
  return engine.rows(TABLES.notifications, [Query.equal("subscriptionId", subscription.id)]);
}

describe("web push", () => {
  it("a new offer reaches the offered therapist's device encrypted (RFC 8291), VAPID-signed, and decrypts", async () => {
    const input = bookingInput();
    const [first] = await rankedFor(engine, input);
    const therapistId = first!.therapist.id;
    const therapistUserId = `push-${therapistId}`.slice(0, 36);
    await engine.update(TABLES.therapists, therapistId, { userId: therapistUserId });
    const { browser, stored } = await subscribe(therapistUserId, "therapist", "/push/therapist-phone", "id");

    const view = await createBooking(ctx, { customerId: customer.userId, input, idempotencyKey: newKey() });
    expect(view.booking.offeredTherapistIds[0]).toBe(therapistId);
    await settleNotifications();

    const [request] = service.to("/push/therapist-phone");
    expect(service.to("/push/therapist-phone")).toHaveLength(1);
    expect(request!.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(request!.headers.ttl)).toBeGreaterThan(0);
    // An offer runs out in a minute: the push service should not hold it back to save battery.
    expect(request!.headers.urgency).toBe("high");
    const claims = readVapid(request!, vapid.publicKey);
    expect(claims).toMatchObject({ aud: service.origin, sub: "mailto:ops@tenang.test" });
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    // The plaintext is nowhere in the body.
    expect(request!.body.includes(Buffer.from("Permintaan"))).toBe(false);

    const payload = JSON.parse(decryptPush(browser, request!.body)) as PushPayload;
    expect(payload.title).toMatch(/^Permintaan pemesanan baru · Rp/);
    expect(payload.body).toMatch(/^60 menit · Seminyak\. Pendapatan Anda Rp.+Tanggapi sebelum \d\d\.\d\d WITA\.$/);
    expect(payload).toMatchObject({ url: "/", requireInteraction: true, tag: view.booking.currentOfferId });
    expect(payload.vibrate.length).toBeGreaterThan(0);

    const [row] = await notificationRows(stored);
    expect(row).toMatchObject({ kind: "new_offer", channel: "push", status: "sent", attempts: 1 });
    expect(payload.id).toBe(row!.$id);
    expect(row!.userId).toBe(therapistUserId);
    expect(row!.bookingId).toBe(view.booking.id);

    // The customer hears "therapist found — decide within N minutes" once the therapist accepts.
    const phone = await subscribe(customer.userId, "customer", "/push/customer-phone");
    await respondToOffer(ctx, { therapistId, offerId: view.booking.currentOfferId!, response: "accept" });
    await settleNotifications();
    const found = JSON.parse(decryptPush(phone.browser, service.to("/push/customer-phone")[0]!.body)) as PushPayload;
    expect(found.title).toBe("Therapist found");
    expect(found.body).toMatch(/Decide within \d+ min/);
    expect(found.url).toBe(`/bookings/${view.booking.id}`);

    await acceptTherapist(ctx, { customerId: customer.userId, bookingId: view.booking.id, expectedVersion: 2 });
    await settleNotifications();
    const confirmed = service.to("/push/customer-phone").map((r) => JSON.parse(decryptPush(phone.browser, r.body)));
    expect(confirmed.map((p: PushPayload) => p.title)).toEqual(["Therapist found", "Booking confirmed"]);
  });

  it.each([404, 410])("a device the push service answers %i for is forgotten, and its row failed", async (status) => {
    const { stored } = await subscribe(customer.userId, "customer", `/push/gone-${status}`);
    service.answer(`/push/gone-${status}`, status);
    await notify(ctx, {
      to: { role: "customer", customerId: customer.userId },
      notification: { key: "booking_expired", params: {} },
      booking: null,
    });
    expect(service.to(`/push/gone-${status}`)).toHaveLength(1);
    expect(await findPushSubscription(ctx, stored.id)).toBeNull();
    const [row] = await notificationRows(stored);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: `subscription gone (HTTP ${status})` });
  });

  it("a 500 leaves the row pending with backoff; retryDueNotifications sends it once due", async () => {
    const { browser, stored } = await subscribe(customer.userId, "customer", "/push/flaky");
    service.answer("/push/flaky", 500);
    await notify(ctx, {
      to: { role: "customer", customerId: customer.userId },
      notification: { key: "booking_expired", params: {} },
      booking: null,
    });
    const [failed] = await notificationRows(stored);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed!.lastError).toMatch(/^HTTP 500/);
    const waitMs = Date.parse(String(failed!.nextAttemptAt)) - engine.clock().getTime();
    expect(waitMs).toBeGreaterThanOrEqual(24_000);

    // Not due yet: nothing is tried.
    expect(await retryDueNotifications(ctx)).toMatchObject({ tried: 0 });
    expect(service.to("/push/flaky")).toHaveLength(1);

    // Still failing once due: pending again, with a longer wait.
    engine.clock.advance(waitMs);
    expect(await retryDueNotifications(ctx)).toMatchObject({ tried: 1, pending: 1 });
    const [again] = await notificationRows(stored);
    expect(again).toMatchObject({ status: "pending", attempts: 2 });
    const secondWaitMs = Date.parse(String(again!.nextAttemptAt)) - engine.clock().getTime();
    expect(secondWaitMs).toBeGreaterThan(waitMs);

    service.answer("/push/flaky", 201);
    engine.clock.advance(secondWaitMs);
    expect(await retryDueNotifications(ctx)).toMatchObject({ tried: 1, sent: 1 });
    const [sent] = await notificationRows(stored);
    expect(sent).toMatchObject({ status: "sent", attempts: 3, nextAttemptAt: null });
    const requests = service.to("/push/flaky");
    expect(requests).toHaveLength(3);
    expect(JSON.parse(decryptPush(browser, requests[2]!.body))).toMatchObject({ title: "Search ended" });
  });

  it("a row whose first try never finished (the process died) is sent by the retry job after a grace period", async () => {
    const { browser, stored } = await subscribe(customer.userId, "customer", "/push/orphan");
    // What notify() records before its first try, and nothing after it.
    await createNotification(ctx, {
      id: newNotificationId(),
      userId: customer.userId,
      app: "customer",
      kind: "booking_confirmed",
      channel: "push",
      subscriptionId: stored.id,
      recipientPhone: null,
      locale: "en",
      bookingId: null,
      payload: { title: "Booking confirmed", body: "", url: "/", tag: "t", requireInteraction: false, vibrate: [] },
    });
    // While the first try may still be under way, the job leaves the row alone: no double send.
    expect(await retryDueNotifications(ctx)).toMatchObject({ tried: 0 });
    engine.clock.advance(FIRST_TRY_GRACE_MS);
    expect(await retryDueNotifications(ctx)).toMatchObject({ tried: 1, sent: 1 });
    expect(JSON.parse(decryptPush(browser, service.to("/push/orphan")[0]!.body))).toMatchObject({
      title: "Booking confirmed",
    });
    expect((await notificationRows(stored))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("the service worker's receipts move a row forward only: delivered, then clicked", async () => {
    const { stored } = await subscribe(customer.userId, "customer", "/push/receipts");
    await notify(ctx, {
      to: { role: "customer", customerId: customer.userId },
      notification: { key: "booking_confirmed", params: {} },
      booking: null,
    });
    const [row] = await notificationRows(stored);
    const id = row!.$id;
    expect(await recordNotificationReceipt(ctx, { id, event: "delivered" })).toBe(true);
    expect(await recordNotificationReceipt(ctx, { id, event: "clicked" })).toBe(true);
    expect(await recordNotificationReceipt(ctx, { id, event: "delivered" })).toBe(false);
    expect((await notificationRows(stored))[0]).toMatchObject({ status: "clicked" });
    expect(await recordNotificationReceipt(ctx, { id: "0".repeat(32), event: "clicked" })).toBe(false);
  });

  it("the delivery rate the health monitor reports counts accepted against given up, not pending", async () => {
    const rows = await engine.rows(TABLES.notifications);
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    const report = await notificationDeliveryReport(ctx);
    expect(report.counts).toEqual({
      pending: count("pending"),
      sent: count("sent"),
      delivered: count("delivered"),
      clicked: count("clicked"),
      failed: count("failed"),
    });
    // The two gone devices' rows failed; everything else earlier in this file got through.
    expect(report.counts.failed).toBeGreaterThanOrEqual(2);
    const accepted = count("sent") + count("delivered") + count("clicked");
    expect(report.deliveryRate).toBeCloseTo(accepted / (accepted + count("failed")));
    expect(report.deliveryRate).toBeLessThan(1);
  });

  it("push off (no VAPID settings): nothing is recorded or sent", async () => {
    const { stored } = await subscribe(customer.userId, "customer", "/push/off");
    await notify(engine.ctx, {
      to: { role: "customer", customerId: customer.userId },
      notification: { key: "booking_confirmed", params: {} },
      booking: null,
    });
    expect(await notificationRows(stored)).toHaveLength(0);
    expect(service.to("/push/off")).toHaveLength(0);
  });
});
