// GET /api/health – is this app up, and can it reach Appwrite (anyone)
import { handleRoute } from "@/server/http/handle-route";
import { checkHealth } from "@/server/health/check-health";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  return Response.json(await checkHealth(), { headers: { "Cache-Control": "no-store" } });
});
