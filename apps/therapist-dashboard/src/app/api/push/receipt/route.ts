// POST /api/push/receipt – the service worker reports a notification shown or tapped (anyone holding its random id)
import { parseOrThrow } from "@tenang/booking-core/validation";
import { notificationReceiptSchema } from "@tenang/booking-core/schemas/push";
import { recordNotificationReceipt } from "@tenang/booking-server/notifications/record-notification-receipt";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute, readJson, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const receipt = parseOrThrow(notificationReceiptSchema, await readJson(request), requestLocale(request));
  await recordNotificationReceipt(bookingContext(), receipt);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
