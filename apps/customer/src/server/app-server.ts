import "server-only";
// This app's server kit, built once from src/env.ts: route handling (which also says why a discount code or a time
// slot was refused: those codes' `details.problem` is a closed list of words from booking-core), path ids, the
// booking engine on the process's one API-key client, session clients and the realtime token. Guests, who have no
// account, are checked by server/guests/get-guest. Route handlers and pages import from here.
import { createAppServer } from "@tenang/app-server/app-server";
import { env, publicEnv } from "@/env";

export const {
  handleRoute,
  requestLocale,
  readJson,
  pathId,
  isAppwriteId,
  localeRoute,
  bookingServer,
  adminAccount,
  sessionClient,
  realtimeToken,
} = createAppServer({ env, publicEnv, codesWithReason: ["discount_invalid", "slot_unavailable"] });
