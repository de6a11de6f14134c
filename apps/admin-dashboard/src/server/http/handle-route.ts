import "server-only";
import { createRouteHandling } from "@tenang/app-server/http/handle-route";
import { LOCALE_COOKIE, parseLocaleCookie } from "@tenang/booking-core/locale";

export { readJson } from "@tenang/app-server/http/handle-route";

// Errors are worded in the language the reader chose (EN | ID cookie), else their browser's; no reasons passed on.
export const { handleRoute, mapError, errorResponse, requestLocale } = createRouteHandling({
  localeCookie: { name: LOCALE_COOKIE, parse: parseLocaleCookie },
});
