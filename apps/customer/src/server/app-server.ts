import "server-only";
// This app's server kit, built once from src/env.ts: route handling (which also says why a discount code or a time
// slot was refused: those codes' `details.problem` is a closed list of words from booking-core), path ids, the
// booking engine on the process's one API-key client, the realtime token, and the guest check: a guest is an
// anonymous Appwrite session in the `tenang_guest` cookie, under the guest role's lifetime. Route handlers and pages
// import from here.
import { createAppServer } from "@tenang/app-server/app-server";
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { env, publicEnv, pushSettings, whatsAppSettings } from "@/env";

export type { Guest } from "@tenang/app-server/auth/guest-auth";

export const {
  handleRoute,
  requestLocale,
  readJson,
  pathId,
  isAppwriteId,
  localeRoute,
  bookingServer,
  realtimeToken,
  guestCookie,
  readGuestSecretFrom,
  findGuestSession,
  getGuest,
  requireGuest,
  startGuestSession,
} = createAppServer({
  env,
  publicEnv,
  push: pushSettings,
  whatsapp: whatsAppSettings,
  codesWithReason: ["discount_invalid", "slot_unavailable"],
  guests: { cookie: "tenang_guest", lifetime: SESSION_LIFETIMES.guest },
});
