// POST /api/push/receipt – the service worker reports a notification shown or tapped (anyone holding its random id).
// The handler is app-server's createPushRoutes (src/server/push-routes.ts).
import { pushRoutes } from "@/server/push-routes";

export const dynamic = "force-dynamic";

export const POST = pushRoutes.receipt.POST;
