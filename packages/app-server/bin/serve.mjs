#!/usr/bin/env node
// The apps' production server: `next start` with the client's address taken from the socket. Run from an app's
// folder (its package.json `start` script does): node node_modules/@tenang/app-server/bin/serve.mjs --port 3000
//
// Next's documented custom-server API (next({ dev: false, dir }).getRequestHandler()) serves the same build as
// `next start`; before a request reaches it, this server
//   - sets X-Forwarded-For / X-Real-IP to the client's address: the socket's, or with TRUSTED_PROXY_HOPS=N the Nth
//     X-Forwarded-For entry from the right (see forwarding.mjs and the README's "Behind a proxy"),
//   - answers 400 for a path with a malformed %-escape, which Next would answer with a 500,
//   - answers 413 for a declared body past the largest any route takes (see body-limit.mjs), before it is read.
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { declaresTooLargeBody, refuseTooLargeBody } from "./body-limit.mjs";
import { badPathBody, hasMalformedPath, parseTrustedProxyHops, rewriteForwardingHeaders } from "./forwarding.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    dir: { type: "string" },
  },
});
const dir = path.resolve(values.dir ?? process.cwd());
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";
const hops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);

process.env.NODE_ENV = "production";
// The app's own Next (the one its build was made with), not whichever copy this package resolves.
const next = createRequire(path.join(dir, "package.json"))("next");
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (hasMalformedPath(req.url)) {
    res.writeHead(400, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(badPathBody(req.headers["accept-language"]));
    return;
  }
  if (declaresTooLargeBody(req)) {
    refuseTooLargeBody(req, res);
    return;
  }
  rewriteForwardingHeaders(req.headers, req.socket.remoteAddress, hops);
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`▲ ${path.basename(dir)} ready on http://${hostname}:${port} (trusted proxy hops: ${hops})`);
});

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
