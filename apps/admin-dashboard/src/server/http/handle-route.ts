import "server-only";
import { createRouteHandling } from "@tenang/app-server/http/handle-route";

export { readJson } from "@tenang/app-server/http/handle-route";

// Errors are worded in the browser's language; no error reasons are passed on.
export const { handleRoute, mapError, errorResponse, requestLocale } = createRouteHandling();
