// Runs before every page (not /api, not static files): renews the admin session's cookies on page loads, which
// server components cannot do, so the 1 h idle limit counts from the admin's last page, not their last API call.
import { NextResponse, type NextRequest } from "next/server";
import { renewActivity } from "@/server/app-server";

export function proxy(request: NextRequest): NextResponse {
  const response = NextResponse.next();
  renewActivity(request, response);
  return response;
}

export const config = {
  // Pages only: API routes renew through requireCaller, and keeping them out means the proxy never touches a body.
  matcher: ["/((?!api/|_next/|icon\\.svg|favicon\\.ico).*)"],
};
