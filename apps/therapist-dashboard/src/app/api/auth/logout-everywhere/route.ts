// POST /api/auth/logout-everywhere – end every session of the signed-in user on all devices and clear this cookie (anyone)
import { NextResponse } from "next/server";
import { logOut } from "@/server/auth/log-out";
import { clearSessionCookie, readSessionSecret } from "@/server/auth/session-cookie";
import { handleRoute } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  await logOut(await readSessionSecret(), { everywhere: true });
  const response = NextResponse.json({ ok: true });
  clearSessionCookie(response, request);
  return response;
});
