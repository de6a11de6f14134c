import "server-only";
import { createRouteHandling } from "@tenang/app-server/http/handle-route";
import { LOCALE_COOKIE, parseLocaleCookie } from "@tenang/booking-core/locale";

export { readJson, readOptionalJson } from "@tenang/app-server/http/handle-route";

// Errors are worded in the language the therapist chose (the locale cookie), else the browser's; no error reasons
// are passed on.
export const { handleRoute, mapError, errorResponse, requestLocale } = createRouteHandling({
  localeCookie: { name: LOCALE_COOKIE, parse: parseLocaleCookie },
});
