import "server-only";
// Notifications that reach a locked phone (issue 11 §2). The booking engine hands over the `notify` effects of a
// change it has just committed; each becomes one row per device of the recipient (notification-repository), one try
// right away, and on failure a pending row that retryDueNotifications (retry-due-notifications.ts, run by the
// worker) tries again with backoff. Nothing here can fail or slow down the change itself: the engine does not wait
// for it, and every error ends as a row's lastError or a log line.
import type { Effect, Recipient } from "@tenang/booking-core/effects";
import { TABLES } from "@tenang/booking-core/resource-ids";
import type { Booking } from "@tenang/booking-core/schemas/booking";
import type { PushApp } from "@tenang/booking-core/schemas/push";
import type { Notification } from "@tenang/booking-core/system-messages";
import { findCommission } from "../commissions/commission-repository";
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

/** The Appwrite user and app a recipient is reached in; null for spas (they have no app to push to yet). */
async function userOf(ctx: BookingServerContext, to: Recipient): Promise<{ userId: string; app: PushApp } | null> {
  if (to.role === "customer") return { userId: to.customerId, app: "customer" };
  if (to.role === "therapist") {
    const row = await getRowOrNull(ctx, TABLES.therapists, to.therapistId);
    return typeof row?.userId === "string" ? { userId: row.userId, app: "therapist" } : null;
  }
  return null;
}

/** Records the notification for every device of the recipient and tries each once. Never throws. */
export async function notify(ctx: BookingServerContext, request: NotifyRequest): Promise<void> {
  if (!ctx.push) return;
  try {
    const user = await userOf(ctx, request.to);
    if (user === null) return;
    const devices = await listPushSubscriptions(ctx, user.userId, user.app);
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
        subscriptionId: device.id,
        bookingId: request.booking?.id ?? null,
        payload,
      });
      await deliverNotification(ctx, row, device);
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
 * A no-op when push is off. settleNotifications() waits for what is still under way (tests, worker shutdown).
 */
export function notifyAfterChange(
  ctx: BookingServerContext,
  effects: readonly Effect[],
  booking: Booking | null,
): void {
  if (!ctx.push) return;
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
