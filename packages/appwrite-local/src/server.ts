// HTTP entry point: CORS, project check, body parsing, principal resolution, routing and Appwrite-shaped errors.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Router, type RequestContext } from "./http/router.ts";
import { parseQueryString } from "./http/query-string.ts";
import { assertSafeKey, parseJsonRefusingForbiddenKeys } from "./http/safe-keys.ts";
import { RateLimiter } from "./http/rate-limit.ts";
import { OriginPolicy } from "./http/origins.ts";
import { AppwriteError, errors } from "./errors.ts";
import { openStore } from "./store.ts";
import { EventBus } from "./events.ts";
import type { App, ServerConfig } from "./app.ts";
import { createPrincipalResolver } from "./auth/resolve-principal.ts";
import { registerTablesDb } from "./tablesdb/index.ts";
import { registerAccount } from "./account/index.ts";
import { DEFAULT_SESSION_DURATION_SECONDS } from "./account/service.ts";
import { registerStorage } from "./storage/index.ts";
import { registerBackups } from "./backups/index.ts";
import { attachRealtime } from "./realtime/index.ts";

export interface ServerOptions extends Partial<ServerConfig> {
  port?: number;
  host?: string;
}

export interface RunningServer {
  /** The SDK endpoint, including `/v1`, e.g. http://127.0.0.1:8080/v1 */
  url: string;
  port: number;
  config: ServerConfig;
  /** The server's shared state (database, event bus), for tests and embedding. */
  app: App;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

const ALLOWED_HEADERS = [
  "content-type",
  "content-range",
  "accept",
  "origin",
  "cookie",
  "x-requested-with",
  "x-fallback-cookies",
  "x-appwrite-project",
  "x-appwrite-key",
  "x-appwrite-session",
  "x-appwrite-jwt",
  "x-appwrite-locale",
  "x-appwrite-response-format",
  "x-appwrite-id",
  "x-appwrite-timestamp",
  "x-sdk-name",
  "x-sdk-platform",
  "x-sdk-language",
  "x-sdk-version",
  "x-forwarded-user-agent",
  "x-appwrite-dev-key",
].join(", ");

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config: ServerConfig = {
    projectId: options.projectId ?? "tenang",
    apiKey: options.apiKey ?? "local-dev-key",
    dataDir: options.memory ? undefined : options.dataDir,
    memory: options.memory ?? !options.dataDir,
    logLevel: options.logLevel ?? "silent",
    rateLimits: options.rateLimits ?? false,
    sessionDurationSeconds: options.sessionDurationSeconds ?? DEFAULT_SESSION_DURATION_SECONDS,
    allowedOrigins: options.allowedOrigins ?? [],
    ...(options.backupFault ? { backupFault: options.backupFault } : {}),
  };
  if (!Number.isInteger(config.sessionDurationSeconds) || config.sessionDurationSeconds < 1) {
    throw new Error(`sessionDurationSeconds must be a positive integer, got ${config.sessionDurationSeconds}`);
  }
  const db = openStore({ dataDir: config.dataDir, memory: config.memory });
  const router = new Router();
  const app: App = {
    config,
    origins: new OriginPolicy(config.allowedOrigins),
    db,
    bus: new EventBus(),
    resolvePrincipal: () => {
      throw new Error("resolver not ready");
    },
    onClose: [],
  };
  const resolveUser = registerAccount(router, app);
  app.resolvePrincipal = createPrincipalResolver(config.apiKey, resolveUser);
  const tablesDb = registerTablesDb(router, app);
  const storage = registerStorage(router, app);
  registerBackups(router, app, tablesDb, storage);

  const rateLimiter = config.rateLimits ? new RateLimiter() : null;
  const server = http.createServer((req, res) => {
    void handle(req, res, router, app, rateLimiter);
  });
  attachRealtime(server, app);
  // Keep idle keep-alive sockets longer than any client's pool does (undici keeps them ~4 s). With Node's default
  // of 5 s, a busy client could reuse a socket the server was closing that instant and get "other side closed".
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";

  let closed = false;
  return {
    url: `http://${host}:${port}/v1`,
    port,
    config,
    app,
    async close() {
      if (closed) return;
      closed = true;
      for (const fn of app.onClose) await fn();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  router: Router,
  app: App,
  rateLimiter: RateLimiter | null,
) {
  const started = Date.now();
  const origin = headerString(req.headers.origin) ?? "";
  const originAllowed = origin !== "" && app.origins.isAllowed(origin);
  // Only an allowed origin is echoed, with credentials (Appwrite Cors::headers); any other gets no allowance, so a
  // browser on that page cannot read our answers, whatever cookies it sent.
  if (originAllowed) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
  } else if (origin === "") {
    res.setHeader("Access-Control-Allow-Origin", "*");
  }
  res.setHeader("Vary", "Origin");
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
  res.setHeader(
    "Access-Control-Expose-Headers",
    "X-Fallback-Cookies, X-Appwrite-Session, Content-Range, Content-Disposition",
  );

  const url = new URL(req.url ?? "/", "http://localhost");
  const method = (req.method ?? "GET").toUpperCase();
  let status = 500;
  try {
    if (method === "OPTIONS") {
      status = 204;
      res.writeHead(204).end();
      return;
    }
    const match = router.match(method, url.pathname);
    if (!match) throw errors.routeNotFound();
    // Appwrite's application-level CSRF check: a request from a browser page (it has an Origin) must come from a
    // known origin unless it carries the API key, which no browser page holds.
    if (origin !== "" && !originAllowed && !headerString(req.headers["x-appwrite-key"]))
      throw app.origins.error(origin);

    // Header names become keys of req.headers; refuse the ones that name prototype machinery like any other key.
    // (rawHeaders: Node drops a `__proto__` header from req.headers, and we want to refuse it, not miss it.)
    for (let i = 0; i < req.rawHeaders.length; i += 2) assertSafeKey("header", req.rawHeaders[i]!.toLowerCase());
    const query = parseQueryString(url.search);
    const projectId =
      headerString(req.headers["x-appwrite-project"]) ??
      (typeof query.project === "string" ? query.project : undefined);
    if (projectId !== app.config.projectId) throw errors.projectNotFound(projectId ?? "");

    const rawBody = await readBody(req);
    const contentType = headerString(req.headers["content-type"]) ?? "";
    let body: Record<string, unknown> = {};
    if (rawBody.length > 0 && contentType.includes("application/json")) {
      try {
        const parsed: unknown = parseJsonRefusingForbiddenKeys(rawBody.toString("utf8"), "JSON body");
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      } catch (err) {
        if (err instanceof AppwriteError) throw err;
        throw new AppwriteError(400, "general_argument_invalid", "Invalid JSON body.");
      }
    }

    const ctx: RequestContext = {
      method,
      path: url.pathname,
      route: match.pattern,
      params: match.params,
      query,
      body,
      rawBody,
      contentType,
      headers: req.headers,
      principal: app.resolvePrincipal(req.headers, projectId),
      projectId,
      ip: req.socket.remoteAddress ?? "127.0.0.1",
      app,
      response: { headers: {}, cookies: [] },
    };
    if (rateLimiter) {
      try {
        rateLimiter.check(ctx);
      } finally {
        // X-RateLimit-* go out on the 429 too, as Appwrite sends them.
        for (const [k, v] of Object.entries(ctx.response.headers)) res.setHeader(k, v);
      }
    }
    const result = await match.handler(ctx);
    status = result.status;
    rateLimiter?.afterResponse(ctx, status);
    for (const [k, v] of Object.entries({ ...ctx.response.headers, ...result.headers })) res.setHeader(k, v);
    if (ctx.response.cookies.length > 0) res.setHeader("Set-Cookie", ctx.response.cookies);
    if (result.raw) {
      res.writeHead(status, {
        "Content-Type": result.contentType ?? "application/octet-stream",
        "Content-Length": result.raw.length,
      });
      res.end(result.raw);
    } else if (status === 204 || result.body === undefined) {
      res.writeHead(status).end();
    } else {
      const json = JSON.stringify(result.body);
      res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
      res.end(json);
    }
  } catch (err) {
    const error = err instanceof AppwriteError ? err : errors.serverError();
    if (!(err instanceof AppwriteError) && app.config.logLevel !== "silent") console.error("[appwrite-local]", err);
    status = error.code;
    if (!res.headersSent) {
      // The unread rest of an oversized body is not worth draining: close the connection after answering.
      if (error.code === 413) res.setHeader("Connection", "close");
      res.writeHead(error.code, { "Content-Type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(error.toJSON()));
    } else res.end();
  } finally {
    if (app.config.logLevel === "debug") {
      console.log(`[appwrite-local] ${method} ${url.pathname} ${status} ${Date.now() - started}ms`);
    }
  }
}

function headerString(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  // A declared length over the cap is refused before a byte is read (issue 9, finding 6: big anonymous bodies).
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    return Promise.reject(new AppwriteError(413, "storage_file_too_large", "Request body too large."));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AppwriteError(413, "storage_file_too_large", "Request body too large."));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
