// POST /api/auth/login – sign in with email and password (anyone; only accounts labelled "admin" get in)
import { loginRoute } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = loginRoute;
