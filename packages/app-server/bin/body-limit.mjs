// The body ceiling the production server (serve.mjs) holds every request to before Next sees it, as pure functions
// so they are tested without a socket. Plain JS: serve.mjs runs in plain Node, before anything is compiled.
//
// Why (issue 9, finding 6): a route refused an oversized body by cancelling its stream, which destroys the socket
// while the client is still sending, so the client saw `ECONNRESET` instead of the 413. Here a declared length past
// the ceiling is answered 413 before Next runs, and the rest of the body is read and dropped (constant memory) so the
// client, still writing, gets to read the answer. Each route still holds its own smaller limit (read-body.ts).

import { Buffer } from "node:buffer";

/**
 * The largest body any route takes, by kind: JSON and other small forms (read-body.ts' DEFAULT_JSON_LIMIT_BYTES; a
 * route that reads no body is held to this too), and multipart uploads (the largest upload cap, a 10 MB commission
 * proof, plus read-multipart.ts' framing room). read-body.ts exports the same numbers; a test keeps them equal.
 */
export const BODY_CEILING_BYTES = { json: 16 * 1024, upload: 10 * 1024 * 1024 + 64 * 1024 };

/**
 * How much of a refused body is read and dropped so its sender can read the 413. A sender still going past this is
 * not waiting for an answer: the connection is closed instead (the Node reader of route helpers stops at the same).
 */
export const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * The ceiling for a body of this Content-Type.
 * @param {string | undefined} contentType
 */
export function bodyCeiling(contentType) {
  return /^\s*multipart\/form-data\b/i.test(contentType ?? "") ? BODY_CEILING_BYTES.upload : BODY_CEILING_BYTES.json;
}

/**
 * True when the request declares (Content-Length) a body past its ceiling. A chunked body declares nothing: route
 * helpers count it while it streams. Any method: a GET with a body is still a body to read or drop.
 * @param {{ headers: import("node:http").IncomingHttpHeaders }} req
 */
export function declaresTooLargeBody({ headers }) {
  const raw = headers["content-length"];
  // Node has already answered 400 to a malformed length.
  if (raw === undefined) return false;
  return Number(raw) > bodyCeiling(headers["content-type"]);
}

// The same sentence as booking-core's payload_too_large (this file cannot import TypeScript).
const PAYLOAD_TOO_LARGE = {
  en: "That request is too large.",
  id: "Permintaan itu terlalu besar.",
};

/**
 * The 413 body, worded in the caller's language, the shape every route's errors have.
 * @param {string | undefined} acceptLanguage
 */
export function payloadTooLargeBody(acceptLanguage) {
  const locale = /^\s*id\b/i.test(acceptLanguage ?? "") ? "id" : "en";
  return JSON.stringify({ error: { code: "payload_too_large", message: PAYLOAD_TOO_LARGE[locale] } });
}

/**
 * Answers 413 and drops the rest of the body as it arrives, so the connection stays usable (keep-alive) and the
 * client reads the answer. No `Connection: close`: Node would close the socket right after the answer, with the
 * body still arriving, and the kernel then resets the connection, which can lose the answer on the client's side.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function refuseTooLargeBody(req, res) {
  const body = payloadTooLargeBody(req.headers["accept-language"]);
  res.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
  let dropped = 0;
  req.on("data", (chunk) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
}
