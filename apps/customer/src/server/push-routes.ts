import "server-only";
// This app's Web Push routes (app-server's createPushRoutes): the caller is the guest.
import { createPushRoutes } from "@tenang/app-server/http/push-routes";
import { pushSettings } from "@/env";
import { bookingServer, handleRoute, requireGuest, requestLocale } from "@/server/app-server";

export const pushRoutes = createPushRoutes({
  app: "customer",
  routes: { handleRoute, requestLocale },
  bookingServer,
  push: pushSettings,
  callerUserId: async (request) => (await requireGuest(request)).userId,
});
