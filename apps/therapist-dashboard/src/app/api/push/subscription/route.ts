// GET /api/push/subscription – the VAPID public key to subscribe with, null when push is off (anyone)
// POST /api/push/subscription – this browser allows notifications: store its push subscription (the therapist)
// DELETE /api/push/subscription – forget this browser's subscription (the therapist)
import { parseOrThrow } from "@tenang/booking-core/validation";
import { pushSubscriptionInputSchema, pushUnsubscribeInputSchema } from "@tenang/booking-core/schemas/push";
import {
  deletePushSubscription,
  savePushSubscription,
} from "@tenang/booking-server/notifications/push-subscription-repository";
import { pushSettings } from "@/env";
import { requireTherapist } from "@/server/auth/require-therapist";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute, readJson, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export const GET = handleRoute(async () =>
  Response.json({ publicKey: pushSettings?.vapidPublicKey ?? null }, { headers: noStore }),
);

export const POST = handleRoute(async (request) => {
  const { user } = await requireTherapist();
  const subscription = parseOrThrow(pushSubscriptionInputSchema, await readJson(request), requestLocale(request));
  await savePushSubscription(bookingContext(), { userId: user.id, app: "therapist", subscription });
  return new Response(null, { status: 204, headers: noStore });
});

export const DELETE = handleRoute(async (request) => {
  const { user } = await requireTherapist();
  const { endpoint } = parseOrThrow(pushUnsubscribeInputSchema, await readJson(request), requestLocale(request));
  await deletePushSubscription(bookingContext(), { userId: user.id, endpoint });
  return new Response(null, { status: 204, headers: noStore });
});
