// Runs before every page (not /api, not static files): renews the admin session's cookies on page loads, which
// server components cannot do, so the 1 h idle limit counts from the admin's last page, not their last API call.
import { renewActivityOnPageLoad } from "@tenang/app-server/auth/activity-proxy";
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, SESSION_LIFETIME, sessionStamps } from "@/server/auth/auth-config";

export function proxy(request: NextRequest): NextResponse {
  const response = NextResponse.next();
  renewActivityOnPageLoad(request, response, {
    cookieName: SESSION_COOKIE,
    lifetime: SESSION_LIFETIME,
    stamps: sessionStamps,
  });
  return response;
}

export const config = {
  // Pages only: API routes renew through requireCaller, and keeping them out means the proxy never touches a body.
  matcher: ["/((?!api/|_next/|icon\\.svg|favicon\\.ico).*)"],
};
