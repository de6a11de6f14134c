// GET /api/therapists – list therapists, optionally by area, offered duration and distance from lat/lng (anyone)
import { parseOrThrow } from "@tenang/booking-core/validation";
import { handleRoute, requestLocale } from "@/server/app-server";
import { queryToObject, searchInputSchema } from "@/server/search/search-input";
import { listTherapists } from "@/server/therapists/list-therapists";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request) => {
  const input = parseOrThrow(searchInputSchema, queryToObject(request.nextUrl.searchParams), requestLocale(request));
  return Response.json({ therapists: await listTherapists(input) });
});
