// POST /api/auth/logout – end this browser's session and clear its cookie (anyone; a no-op when signed out)
import { NextResponse } from "next/server";
import { logOut } from "@/server/auth/log-out";
import { clearSessionCookie, readSessionSecret } from "@/server/auth/session-cookie";
import { handleRoute } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  await logOut(await readSessionSecret());
  const response = NextResponse.json({ ok: true });
  clearSessionCookie(response, request);
  return response;
});
