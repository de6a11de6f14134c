import "server-only";
import { createRouteHandling } from "@tenang/app-server/http/handle-route";
import { LOCALE_COOKIE, parseLocaleCookie } from "@tenang/booking-core/locale";

export { readJson } from "@tenang/app-server/http/handle-route";

// This app answers in the language the visitor chose (its locale cookie), and says why a discount code or a time
// slot was refused: those codes' `details.problem` is a closed list of words from booking-core.
export const { handleRoute, mapError, errorResponse, requestLocale } = createRouteHandling({
  codesWithReason: ["discount_invalid", "slot_unavailable"],
  localeCookie: { name: LOCALE_COOKIE, parse: parseLocaleCookie },
});
