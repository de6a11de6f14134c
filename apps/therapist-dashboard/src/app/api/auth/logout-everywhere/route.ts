// POST /api/auth/logout-everywhere – end every session of the signed-in user on all devices and clear this cookie (anyone)
import { logoutEverywhereRoute } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = logoutEverywhereRoute;
