// GET /api/push/subscription – the VAPID public key to subscribe with, null when push is off (anyone)
// POST /api/push/subscription – this browser allows notifications: store its push subscription (the guest)
// DELETE /api/push/subscription – forget this browser's subscription (the guest)
import { parseOrThrow } from "@tenang/booking-core/validation";
import { pushSubscriptionInputSchema, pushUnsubscribeInputSchema } from "@tenang/booking-core/schemas/push";
import {
  deletePushSubscription,
  savePushSubscription,
} from "@tenang/booking-server/notifications/push-subscription-repository";
import { pushSettings } from "@/env";
import { requireGuest } from "@/server/guests/get-guest";
import { bookingServer } from "@/server/bookings/booking-server-context";
import { handleRoute, readJson, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export const GET = handleRoute(async () =>
  Response.json({ publicKey: pushSettings?.vapidPublicKey ?? null }, { headers: noStore }),
);

export const POST = handleRoute(async (request) => {
  const guest = await requireGuest(request);
  const subscription = parseOrThrow(pushSubscriptionInputSchema, await readJson(request), requestLocale(request));
  await savePushSubscription(bookingServer(), { userId: guest.userId, app: "customer", subscription });
  return new Response(null, { status: 204, headers: noStore });
});

export const DELETE = handleRoute(async (request) => {
  const guest = await requireGuest(request);
  const { endpoint } = parseOrThrow(pushUnsubscribeInputSchema, await readJson(request), requestLocale(request));
  await deletePushSubscription(bookingServer(), { userId: guest.userId, endpoint });
  return new Response(null, { status: 204, headers: noStore });
});
