// GET /api/push/subscription – the VAPID public key (anyone); POST / DELETE – store / forget this browser's push
// subscription (the caller). The handlers are app-server's createPushRoutes (src/server/push-routes.ts).
import { pushRoutes } from "@/server/push-routes";

export const dynamic = "force-dynamic";

export const GET = pushRoutes.subscription.GET;
export const POST = pushRoutes.subscription.POST;
export const DELETE = pushRoutes.subscription.DELETE;
