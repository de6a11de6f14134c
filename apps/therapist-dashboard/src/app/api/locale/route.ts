// POST /api/locale – remember the reader's language (anyone, signed in or not); a plain form post, so it works before hydration
import { localeRoute } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = localeRoute;
