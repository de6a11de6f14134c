import "server-only";
// This app's Web Push routes (app-server's createPushRoutes): the caller is the signed-in therapist.
import { createPushRoutes } from "@tenang/app-server/http/push-routes";
import { pushSettings } from "@/env";
import { bookingServer, handleRoute, requireTherapist, requestLocale } from "@/server/app-server";

export const pushRoutes = createPushRoutes({
  app: "therapist",
  routes: { handleRoute, requestLocale },
  bookingServer,
  push: pushSettings,
  callerUserId: async () => (await requireTherapist()).user.id,
});
