// Web Push: what a browser sends when it subscribes (the standard PushSubscription JSON), which app it belongs to,
// and the states a notification row moves through. The schema is the one the subscribe routes parse with.
import * as z from "zod";
import { localeSchema } from "../locale";

/** The apps a person can receive pushes in: the therapist dashboard and the customer site. */
export const pushApps = ["therapist", "customer"] as const;
export const pushAppSchema = z.enum(pushApps);
export type PushApp = z.infer<typeof pushAppSchema>;

/** How a notification reaches a person: Web Push to each device that allowed it, WhatsApp when configured. */
export const notificationChannels = ["push", "whatsapp"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * pending: recorded, not yet accepted by the push service (first try failed, retried with backoff);
 * sent: the push service accepted it; delivered: the service worker received it; clicked: the person tapped it;
 * failed: given up (retries used up, or the subscription is gone).
 */
export const notificationStatuses = ["pending", "sent", "delivered", "clicked", "failed"] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** What the service worker reports back about a notification it received. */
export const notificationReceiptSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{32}$/),
  event: z.enum(["delivered", "clicked"]),
});
export type NotificationReceipt = z.infer<typeof notificationReceiptSchema>;

// Push endpoints are https URLs of the browser vendor's push service; the key sizes are fixed by RFC 8291
// (a 65-byte P-256 point and a 16-byte secret, base64url without padding).
const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/);

/**
 * The server POSTs to this URL, so it must look like a push service (browser vendors' are https on a public host
 * name): no plain http, no IP literal, no localhost or internal name. That keeps a subscriber from pointing the
 * server at something on its own network.
 */
export const pushEndpointSchema = z
  .url({ protocol: /^https$/ })
  .max(2048)
  .refine((url) => {
    const host = new URL(url).hostname.toLowerCase();
    const ipLiteral = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[");
    const internal = host === "localhost" || /\.(localhost|local|internal|lan|home)$/.test(host) || !host.includes(".");
    return !ipLiteral && !internal;
  }, "not a push service address");

export const pushSubscriptionInputSchema = z.object({
  endpoint: pushEndpointSchema,
  keys: z.object({ p256dh: base64url(80, 100), auth: base64url(16, 32) }),
  locale: localeSchema.default("en"),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInputSchema>;

export const pushUnsubscribeInputSchema = z.object({ endpoint: z.string().max(2048) });
