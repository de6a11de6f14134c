import "server-only";
// The Web Push routes, the same in every app that notifies people (the customer site for its guest, the therapist
// dashboard for the signed-in therapist); only who the caller is differs, so the app passes that in.
//   GET    /api/push/subscription – the VAPID public key to subscribe with, null when push is off (anyone)
//   POST   /api/push/subscription – this browser allows notifications: store its push subscription (the caller)
//   DELETE /api/push/subscription – forget this browser's subscription (the caller)
//   POST   /api/push/receipt      – the service worker reports a notification shown or tapped (anyone holding its
//                                   random id)
import {
  type PushApp,
  notificationReceiptSchema,
  pushSubscriptionInputSchema,
  pushUnsubscribeInputSchema,
} from "@tenang/booking-core/schemas/push";
import { parseOrThrow } from "@tenang/booking-core/validation";
import type { BookingServerContext, PushSettings } from "@tenang/booking-server/context";
import {
  deletePushSubscription,
  savePushSubscription,
} from "@tenang/booking-server/notifications/push-subscription-repository";
import { recordNotificationReceipt } from "@tenang/booking-server/notifications/record-notification-receipt";
import type { NextRequest } from "next/server";
import { readJson, type RouteHandling } from "./handle-route";

export interface PushRoutesConfig {
  app: PushApp;
  routes: Pick<RouteHandling, "handleRoute" | "requestLocale">;
  bookingServer: () => BookingServerContext;
  push: PushSettings | undefined;
  /** The caller's user id, or throws 401/403 (the app's guest or signed-in check). */
  callerUserId: (request: NextRequest) => Promise<string>;
}

export function createPushRoutes({ app, routes, bookingServer, push, callerUserId }: PushRoutesConfig) {
  const { handleRoute, requestLocale } = routes;
  return {
    subscription: {
      GET: handleRoute(async () => Response.json({ publicKey: push?.vapidPublicKey ?? null })),
      POST: handleRoute(async (request) => {
        const userId = await callerUserId(request);
        const subscription = parseOrThrow(pushSubscriptionInputSchema, await readJson(request), requestLocale(request));
        await savePushSubscription(bookingServer(), { userId, app, subscription });
        return new Response(null, { status: 204 });
      }),
      DELETE: handleRoute(async (request) => {
        const userId = await callerUserId(request);
        const { endpoint } = parseOrThrow(pushUnsubscribeInputSchema, await readJson(request), requestLocale(request));
        await deletePushSubscription(bookingServer(), { userId, endpoint });
        return new Response(null, { status: 204 });
      }),
    },
    receipt: {
      POST: handleRoute(async (request) => {
        const receipt = parseOrThrow(notificationReceiptSchema, await readJson(request), requestLocale(request));
        await recordNotificationReceipt(bookingServer(), receipt);
        return new Response(null, { status: 204 });
      }),
    },
  };
}
