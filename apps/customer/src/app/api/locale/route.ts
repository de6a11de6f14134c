// POST /api/locale – remember the visitor's language (anyone); a plain form post, so it works before hydration
import { createLocaleRoute } from "@tenang/app-server/http/locale-route";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@tenang/booking-core/locale";
import { handleRoute, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const POST = createLocaleRoute(
  { handleRoute, requestLocale },
  { name: LOCALE_COOKIE, maxAge: LOCALE_COOKIE_MAX_AGE },
);
