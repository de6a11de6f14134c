// A raw HTTP client for attacks: node:http sends the path byte for byte (fetch would normalise a malformed
// %-encoding or a `..`), any header (fetch forbids some), a chunked body with no Content-Length, and from a chosen
// loopback address (127.0.0.2 stands for "another computer" when the apps read the client address from the socket).
import http, { type IncomingHttpHeaders } from "node:http";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
  /** The Set-Cookie headers, as sent. */
  setCookies: string[];
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string | string[]>;
  /** A whole body (Content-Length is set) … */
  body?: string | Buffer;
  /** … or chunks sent with Transfer-Encoding: chunked and no Content-Length. */
  chunks?: Iterable<Buffer>;
  /** The local address to connect from (any 127.0.0.0/8 address works on Linux loopback). */
  localAddress?: string;
  timeoutMs?: number;
}

// Kept-alive sockets: the fuzz pass sends tens of thousands of requests, one new socket each would exhaust ports.
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** One request to `base` + `path` (the path is not parsed or re-encoded). Never throws on an HTTP status. */
export function rawRequest(base: string, path: string, opts: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(base);
  const method = opts.method ?? "GET";
  const headers: Record<string, string | string[]> = { ...opts.headers };
  if (opts.body !== undefined) headers["content-length"] = String(Buffer.byteLength(opts.body));
  if (opts.chunks) headers["transfer-encoding"] = "chunked";
  return new Promise<RawResponse>((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method,
      path,
      headers,
      // A socket from another local address cannot come from the shared pool (it is bound to 127.0.0.1).
      agent: opts.localAddress ? false : agent,
      localAddress: opts.localAddress,
      timeout: opts.timeoutMs ?? 60_000,
    });
    req.on("timeout", () =>
      req.destroy(new Error(`${method} ${path}: no answer within ${opts.timeoutMs ?? 60_000} ms`)),
    );
    req.on("response", (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const body = Buffer.concat(parts);
        const setCookie = res.headers["set-cookie"] ?? [];
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          text: () => body.toString("utf8"),
          json: <T>() => JSON.parse(body.toString("utf8")) as T,
          setCookies: setCookie,
        });
      });
    });
    // A server that refuses a large body early answers and closes while we still write: the answer is what counts,
    // so a write error only fails the request when no answer came.
    req.on("error", (error) => reject(error));
    if (opts.body !== undefined) req.end(opts.body);
    else if (opts.chunks) {
      const iterator = opts.chunks[Symbol.iterator]();
      const pump = () => {
        for (;;) {
          const next = iterator.next();
          if (next.done) return void req.end();
          if (req.destroyed) return;
          if (!req.write(next.value)) return void req.once("drain", pump);
        }
      };
      pump();
    } else req.end();
  });
}

/** The value of cookie `name` from a response's Set-Cookie headers (undefined when not set, "" when cleared). */
export function cookieFrom(response: RawResponse, name: string): string | undefined {
  for (const line of response.setCookies) {
    const [pair] = line.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0 && pair.slice(0, eq).trim() === name) return decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return undefined;
}

/** The attributes of cookie `name` as set (lower-cased keys), e.g. { expires, "max-age", httponly }. */
export function cookieAttributes(response: RawResponse, name: string): Record<string, string> | undefined {
  const line = response.setCookies.find((l) => l.split("=")[0]?.trim() === name);
  if (!line) return undefined;
  const attributes: Record<string, string> = {};
  for (const part of line.split(";").slice(1)) {
    const [key, ...rest] = part.split("=");
    if (key) attributes[key.trim().toLowerCase()] = rest.join("=").trim();
  }
  return attributes;
}
