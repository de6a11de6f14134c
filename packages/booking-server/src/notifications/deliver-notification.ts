import "server-only";
// One try at delivering a notification row to its device, and what the row says afterwards: sent, pending again at
// a later time (backoff), or failed. A device the push service calls gone (404/410) is forgotten.
import { retryDelayMs, type RetryPolicy } from "@tenang/booking-core/retry";
import type { BookingServerContext } from "../context";
import { type StoredNotification, updateNotification } from "./notification-repository";
import { type StoredPushSubscription, removePushSubscription } from "./push-subscription-repository";
import { sendWebPush } from "./web-push-sender";

/**
 * Retries of a push: 30 s, 1 min, 2 min … capped at 15 min, ±20 %; given up after the first try plus 6 retries
 * (≈ 30 min). A notification older than that has lost its point (offers run out in a minute, bookings move on).
 */
export const notificationRetryPolicy: RetryPolicy = {
  maxRetries: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  jitterRatio: 0.2,
};

export type DeliveryResult = "sent" | "retry" | "failed" | "gone";

export async function deliverNotification(
  ctx: BookingServerContext,
  row: StoredNotification,
  device: StoredPushSubscription | null,
): Promise<DeliveryResult> {
  const attempts = row.attempts + 1;
  if (!ctx.push || device === null) {
    await updateNotification(ctx, row.id, {
      status: "failed",
      attempts,
      nextAttemptAt: null,
      lastError: device === null ? "subscription gone" : "push is off",
    });
    return device === null ? "gone" : "failed";
  }
  const outcome = await sendWebPush(ctx.push, device, JSON.stringify({ ...row.payload, id: row.id }), {
    urgency: row.payload.requireInteraction ? "high" : "normal",
  });
  if (outcome.kind === "sent") {
    await updateNotification(ctx, row.id, { status: "sent", attempts, nextAttemptAt: null, lastError: null });
    return "sent";
  }
  if (outcome.kind === "gone") {
    await removePushSubscription(ctx, device.id);
    await updateNotification(ctx, row.id, {
      status: "failed",
      attempts,
      nextAttemptAt: null,
      lastError: `subscription gone (HTTP ${outcome.status})`,
    });
    return "gone";
  }
  const retries = attempts - 1;
  const again = outcome.retry && retries < notificationRetryPolicy.maxRetries;
  const next = again ? new Date(ctx.clock().getTime() + retryDelayMs(retries, notificationRetryPolicy)) : null;
  await updateNotification(ctx, row.id, {
    status: again ? "pending" : "failed",
    attempts,
    nextAttemptAt: next?.toISOString() ?? null,
    lastError: outcome.error.slice(0, 500),
  });
  return again ? "retry" : "failed";
}
