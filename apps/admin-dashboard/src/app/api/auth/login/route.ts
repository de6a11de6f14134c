// POST /api/auth/login – sign in with email and password (anyone; only accounts labelled "admin" get in)
import { clientIp } from "@tenang/app-server/http/client-ip";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { NextResponse } from "next/server";
import { loginInputSchema } from "@/lib/login-input";
import { logIn } from "@/server/auth/log-in";
import { setSessionCookie } from "@/server/auth/session-cookie";
import { handleRoute, readJson, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const input = parseOrThrow(loginInputSchema, await readJson(request), requestLocale(request));
  const session = await logIn(input, clientIp(request));
  const response = NextResponse.json({ ok: true });
  setSessionCookie(response, request, session.secret, session.expiresAt);
  return response;
});
