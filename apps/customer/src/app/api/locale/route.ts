// POST /api/locale – remember the visitor's language (anyone); a plain form post, so it works before hydration
import { localeRoute } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = localeRoute;
