// The address a request came from, for per-IP throttles (guest sessions, sign-in attempts). Route handlers in Next
// never see the socket, so the apps run behind bin/serve.mjs (their `start` script), which replaces
// X-Forwarded-For with the one client address: the socket's, or what the operator's trusted proxies saw
// (TRUSTED_PROXY_HOPS; README "Behind a proxy"). On platforms without our server (Vercel) the edge overwrites
// X-Forwarded-For with the client's address the same way. X-Real-IP is not read: without a proxy, anyone writes it.
export function clientIp(request: Request): string {
  // The entry nearest to us: with serve.mjs or Vercel the only one; anything left of it was written by the client.
  const entries = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return entries.at(-1) ?? "unknown";
}
