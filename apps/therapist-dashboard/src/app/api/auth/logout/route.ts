// POST /api/auth/logout – end this browser's session and clear its cookie (anyone; a no-op when signed out)
import { logoutRoute } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = logoutRoute;
