// What the production server (serve.mjs) does to each request before Next sees it, as pure functions so they are
// tested without a socket. Plain JS: serve.mjs runs in plain Node, before anything is compiled.
//
// Why (issue 9, finding 4): route handlers in Next never see the socket, and Next itself only fills in
// X-Forwarded-For from the socket when the client did not send one, so per-IP limits were keyed on whatever the
// client wrote. Here the socket address is the truth, and X-Forwarded-For entries count only as far as the
// operator says proxies of theirs wrote them (TRUSTED_PROXY_HOPS).

/** Headers only a proxy of ours may set; from anyone else they are lies, so they are dropped. */
const PROXY_HEADERS = [
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
];

/**
 * TRUSTED_PROXY_HOPS: how many proxies of ours stand in front of this server, each appending the address it saw to
 * X-Forwarded-For. Unset or blank: 0 (clients connect directly). Anything but a small whole number is refused,
 * because a wrong value silently hands the per-IP limits to the client.
 * @param {string | undefined} raw
 * @returns {number}
 */
export function parseTrustedProxyHops(raw) {
  if (raw === undefined || raw.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(raw.trim()))
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number 0–99, not ${JSON.stringify(raw)}`);
  return Number(raw.trim());
}

/**
 * The client's address: with no trusted proxy, the socket's; with N, the address the outermost of our proxies saw,
 * i.e. the Nth X-Forwarded-For entry from the right (entries further left were written by the client and are
 * ignored). If the header has fewer entries than promised, the leftmost one there is (a proxy is misconfigured;
 * still never further left than our proxies wrote).
 * @param {{ socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number }} input
 * @returns {string}
 */
export function clientAddress({ socketAddress, forwardedFor, hops }) {
  const socket = normalizeAddress(socketAddress ?? "") || "unknown";
  if (hops === 0) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) return socket;
  return normalizeAddress(entries[Math.max(0, entries.length - hops)]) || socket;
}

/** "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) reads as "127.0.0.1", so one client is one bucket. */
function normalizeAddress(address) {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice("::ffff:".length) : trimmed;
}

/**
 * Rewrites the request's forwarding headers in place: every proxy header is dropped unless trusted proxies are in
 * front (then they pass as the proxies wrote them, which Secure cookies and the CSRF check rely on), and
 * X-Forwarded-For / X-Real-IP become the one client address, which is all app-server's clientIp reads.
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {string | undefined} socketAddress
 * @param {number} hops
 */
export function rewriteForwardingHeaders(headers, socketAddress, hops) {
  const client = clientAddress({ socketAddress, forwardedFor: headers["x-forwarded-for"], hops });
  if (hops === 0) for (const name of PROXY_HEADERS) delete headers[name];
  headers["x-forwarded-for"] = client;
  headers["x-real-ip"] = client;
  return client;
}

/**
 * True when the path (not the query) holds a malformed %-escape such as `%zz` or a cut-off UTF-8 sequence. Next
 * answers those with a 500 on every dynamic route and page; they are the caller's mistake, so 400.
 * @param {string | undefined} url
 */
export function hasMalformedPath(url) {
  const path = (url ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

// The same sentence as booking-core's bad_request (this file cannot import TypeScript).
const BAD_REQUEST = {
  en: "The request could not be read.",
  id: "Permintaan tidak dapat dibaca.",
};

/**
 * The 400 for a malformed path, worded in the caller's language, the shape every route's errors have.
 * @param {string | undefined} acceptLanguage
 */
export function badPathBody(acceptLanguage) {
  const locale = /^\s*id\b/i.test(acceptLanguage ?? "") ? "id" : "en";
  return JSON.stringify({ error: { code: "bad_request", message: BAD_REQUEST[locale] } });
}
