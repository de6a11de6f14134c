import "server-only";
// One try at delivering a notification row to its device, and what the row says afterwards: sent, pending again at
// a later time (backoff), or failed. A device the push service calls gone (404/410) is forgotten.
import { retryDelayMs, type RetryPolicy } from "@tenang/booking-core/retry";
import type { BookingServerContext } from "../context";
import { type StoredNotification, updateNotification } from "./notification-repository";
import { type StoredPushSubscription, removePushSubscription } from "./push-subscription-repository";
import { sendWebPush, type SendOutcome } from "./web-push-sender";
import { sendWhatsAppTemplate } from "./whatsapp-cloud";

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

/** The WhatsApp template of a notification kind (whatsapp-cloud.ts says how they are set up). */
export const whatsAppTemplateOf = (kind: string): string => `tenang_${kind}`;

async function send(
  ctx: BookingServerContext,
  row: StoredNotification,
  device: StoredPushSubscription | null,
): Promise<SendOutcome | "gone" | "off"> {
  if (row.channel === "whatsapp") {
    if (!ctx.whatsapp) return "off";
    if (row.recipientPhone === null) return "gone";
    return sendWhatsAppTemplate(ctx.whatsapp, {
      to: row.recipientPhone,
      template: whatsAppTemplateOf(row.kind),
      language: row.locale,
      bodyParams: [row.payload.body],
    });
  }
  if (!ctx.push) return "off";
  if (device === null) return "gone";
  return sendWebPush(ctx.push, device, JSON.stringify({ ...row.payload, id: row.id }), {
    urgency: row.payload.requireInteraction ? "high" : "normal",
  });
}

export async function deliverNotification(
  ctx: BookingServerContext,
  row: StoredNotification,
  device: StoredPushSubscription | null,
): Promise<DeliveryResult> {
  const attempts = row.attempts + 1;
  const outcome = await send(ctx, row, device);
  if (outcome === "gone" || outcome === "off") {
    await updateNotification(ctx, row.id, {
      status: "failed",
      attempts,
      nextAttemptAt: null,
      lastError: outcome === "gone" ? "subscription gone" : `${row.channel} is off`,
    });
    return outcome === "gone" ? "gone" : "failed";
  }
  if (outcome.kind === "sent") {
    await updateNotification(ctx, row.id, { status: "sent", attempts, nextAttemptAt: null, lastError: null });
    return "sent";
  }
  if (outcome.kind === "gone") {
    if (device) await removePushSubscription(ctx, device.id);
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
