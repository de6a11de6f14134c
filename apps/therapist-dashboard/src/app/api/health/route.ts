// GET /api/health – is this app up (anyone; used by the e2e kit and load balancers)
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
