// GET /api/places – list spas, optionally by area, offered duration and distance from lat/lng (anyone)
import { parseOrThrow } from "@tenang/booking-core/validation";
import { handleRoute, requestLocale } from "@/server/app-server";
import { listPlaces } from "@/server/places/list-places";
import { queryToObject, searchInputSchema } from "@/server/search/search-input";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request) => {
  const input = parseOrThrow(searchInputSchema, queryToObject(request.nextUrl.searchParams), requestLocale(request));
  return Response.json({ places: await listPlaces(input) });
});
