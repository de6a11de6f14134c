// The address a request came from, for per-IP throttles. Next's route handlers do not expose the socket address, so
// this reads what the proxy in front of the app says: the platform's own header where one exists, else the first
// X-Forwarded-For entry. Deploy behind a proxy that sets these (every host Next runs on does); without one, a client
// could name any address, which only lets it spread its own attempts over more buckets, never use someone else's.
export function clientIp(request: Request): string {
  const headers = request.headers;
  const direct = headers.get("x-real-ip")?.trim();
  if (direct) return direct;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || "unknown";
}
