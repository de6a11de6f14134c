// POST /api/session – start (or resume) this browser's guest session: an anonymous Appwrite user (anyone)
import { clientIp } from "@tenang/app-server/http/client-ip";
import { NextResponse } from "next/server";
import { guestCookie, handleRoute, readGuestSecretFrom, startGuestSession } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const started = await startGuestSession(readGuestSecretFrom(request), clientIp(request));
  const response = NextResponse.json({
    userId: started.userId,
    profile: { name: started.profile.name, whatsapp: started.profile.whatsapp },
  });
  if (started.created)
    guestCookie.setSessionCookie(response, request, started.created.secret, started.created.expiresAt);
  return response;
});
