import "server-only";
// Notifications that reach a locked phone (issue 11 §2). The booking engine hands over the `notify` effects of a
// change it has just committed; each becomes one row per device of the recipient (notification-repository), one try
// right away, and on failure a pending row that retryDueNotifications (retry-due-notifications.ts, run by the
// worker) tries again with backoff. Nothing here can fail or slow down the change itself: the engine does not wait
// for it, and every error ends as a row's lastError or a log line.
import type { Effect, Recipient } from "@tenang/booking-core/effects";
import { TABLES } from "@tenang/booking-core/resource-ids";
import type { Locale } from "@tenang/booking-core/locale";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import type { PushApp } from "@tenang/booking-core/schemas/push";
import type { Notification } from "@tenang/booking-core/system-messages";
import { findCommission } from "../shared/commission-repository";
import type { BookingServerContext } from "../context";
import { getRowOrNull } from "../shared/rows";
import { pushContentFor } from "./notification-content";
import { createNotification, newNotificationId } from "./notification-repository";
import { listPushSubscriptions } from "./push-subscription-repository";
import { deliverNotification } from "./deliver-notification";

export interface NotifyRequest {
  to: Recipient;
  notification: Notification;
  /** The booking as it is after the change (null for account-wide notifications). */
  booking: Booking | null;
}

interface Reachable {
  userId: string;
  app: PushApp;
  /** E.164 WhatsApp number, when known. */
  phone: string | null;
  /** The language for channels without a device's own (WhatsApp). */
  locale: Locale;
}

/**
 * The Appwrite user and app a recipient is reached in, and their WhatsApp number; null for spas (they have no app to
 * push to yet). A customer's number and language are on their booking; a therapist's number on their row.
 */
async function recipientOf(ctx: BookingServerContext, request: NotifyRequest): Promise<Reachable | null> {
  const { to, booking } = request;
  if (to.role === "customer") {
    return {
      userId: to.customerId,
      app: "customer",
      phone: booking?.customerId === to.customerId ? booking.customerWhatsapp : null,
      locale: booking?.customerLocale ?? "en",
    };
  }
  if (to.role === "therapist") {
    const row = await getRowOrNull(ctx, TABLES.therapists, to.therapistId);
    if (typeof row?.userId !== "string") return null;
    const phone = typeof row.whatsapp === "string" && row.whatsapp ? row.whatsapp : null;
    return { userId: row.userId, app: "therapist", phone, locale: "id" };
  }
  return null;
}

/**
 * Records the notification for every device of the recipient (and their WhatsApp, when that channel is on) and tries
 * each once. Never throws.
 */
export async function notify(ctx: BookingServerContext, request: NotifyRequest): Promise<void> {
  if (!ctx.push && !ctx.whatsapp) return;
  try {
    const user = await recipientOf(ctx, request);
    if (user === null) return;
    const devices = ctx.push ? await listPushSubscriptions(ctx, user.userId, user.app) : [];
    for (const device of devices) {
      const payload = pushContentFor({
        notification: request.notification,
        locale: device.locale,
        booking: request.booking,
        now: ctx.clock(),
      });
      const row = await createNotification(ctx, {
        id: newNotificationId(),
        userId: user.userId,
        app: user.app,
        kind: request.notification.key,
        channel: "push",
        subscriptionId: device.id,
        recipientPhone: null,
        locale: device.locale,
        bookingId: request.booking?.id ?? null,
        payload,
      });
      await deliverNotification(ctx, row, device);
    }
    if (ctx.whatsapp && user.phone !== null) {
      const payload = pushContentFor({
        notification: request.notification,
        locale: user.locale,
        booking: request.booking,
        now: ctx.clock(),
      });
      const row = await createNotification(ctx, {
        id: newNotificationId(),
        userId: user.userId,
        app: user.app,
        kind: request.notification.key,
        channel: "whatsapp",
        subscriptionId: "whatsapp",
        recipientPhone: user.phone,
        locale: user.locale,
        bookingId: request.booking?.id ?? null,
        payload,
      });
      await deliverNotification(ctx, row, null);
    }
  } catch (error) {
    console.warn(`[notifications] could not notify about ${request.notification.key}`, error);
  }
}

/**
 * The notifications a committed change asks for: its `notify` effects, plus two that booking-core states as other
 * effects: "commission due" when the change made a commission due (the amount is on the record), and "you were set
 * offline" when a missed offer was the one that took the therapist offline (afterMissedOffer's threshold).
 */
export async function notificationsFor(
  ctx: BookingServerContext,
  effects: readonly Effect[],
  booking: Booking | null,
): Promise<NotifyRequest[]> {
  const requests: NotifyRequest[] = [];
  for (const effect of effects) {
    if (effect.type === "notify") requests.push({ to: effect.to, notification: effect.notification, booking });
    if (effect.type === "record_missed_offer") {
      const row = await getRowOrNull(ctx, TABLES.therapists, effect.therapistId);
      const missedOffers = ctx.lifecycle.dispatch.maxMissedOffersInRow;
      if (row && row.isOnline === false && row.missedOffersInRow === missedOffers) {
        requests.push({
          to: { role: "therapist", therapistId: effect.therapistId },
          notification: { key: "taken_offline", params: { missedOffers } },
          booking: null,
        });
      }
    }
    if (effect.type === "commission_due") {
      const record = await findCommission(ctx, effect.commissionId);
      if (record?.therapistId) {
        requests.push({
          to: { role: "therapist", therapistId: record.therapistId },
          notification: { key: "payment_due", params: { amount: record.commission, dueAt: effect.dueAt } },
          booking: null,
        });
      }
    }
  }
  return requests;
}

const inFlight = new Set<Promise<void>>();

/**
 * The engine's hook, called after a change committed: sends its notifications without making the caller wait.
 * A no-op when every channel is off. settleNotifications() waits for what is still under way (tests, worker shutdown).
 */
export function notifyAfterChange(
  ctx: BookingServerContext,
  effects: readonly Effect[],
  booking: Booking | null,
): void {
  if (!ctx.push && !ctx.whatsapp) return;
  const wanted = new Set<Effect["type"]>(["notify", "commission_due", "record_missed_offer"]);
  if (!effects.some((e) => wanted.has(e.type))) return;
  const work = (async () => {
    for (const request of await notificationsFor(ctx, effects, booking)) await notify(ctx, request);
  })()
    .catch((error: unknown) => console.warn("[notifications] could not send", error))
    .finally(() => inFlight.delete(work));
  inFlight.add(work);
}

/** Resolves once every notification started so far has been tried. */
export async function settleNotifications(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
