// GET /api/health – is this app up, and does Appwrite answer in time (anyone; the e2e kit and load balancers)
import { checkBackend, healthResponse } from "@tenang/app-server/health/check-backend";
import { env } from "@/env";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return healthResponse(await checkBackend({ endpoint: env.APPWRITE_ENDPOINT }));
}
