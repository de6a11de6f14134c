// POST /api/session – start (or resume) this browser's guest session: an anonymous Appwrite user (anyone)
import { clientIp } from "@tenang/app-server/http/client-ip";
import { NextResponse } from "next/server";
import { handleRoute } from "@/server/app-server";
import { readGuestSecretFrom, setGuestCookie } from "@/server/guests/guest-cookie";
import { startGuestSession } from "@/server/guests/start-guest-session";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const started = await startGuestSession(readGuestSecretFrom(request), clientIp(request));
  const response = NextResponse.json({
    userId: started.userId,
    profile: { name: started.profile.name, whatsapp: started.profile.whatsapp },
  });
  if (started.created) setGuestCookie(response, request, started.created.secret, started.created.expiresAt);
  return response;
});
