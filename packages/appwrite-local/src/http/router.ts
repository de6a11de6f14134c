// A small method+path router. Patterns use `:name` segments; the first match in registration order wins,
// so register literal paths (e.g. `/v1/tablesdb/transactions`) before parameterised ones (`/v1/tablesdb/:databaseId`).
import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "../principal.ts";
import type { App } from "../app.ts";
import { AppwriteError } from "../errors.ts";

export interface RequestContext {
  method: string;
  path: string;
  /** The matched route pattern, e.g. `/v1/tablesdb/:databaseId/tables/:tableId/rows` (Appwrite's `{url}` in abuse keys). */
  route: string;
  params: Record<string, string>;
  /** Query string, with SDK-style indexed arrays folded: `queries[0]=a&queries[1]=b` → `{queries:["a","b"]}`. */
  query: Record<string, unknown>;
  /** Parsed JSON body ({} for none). For multipart requests: the non-file fields. */
  body: Record<string, unknown>;
  /** The raw body, for multipart (storage uploads). */
  rawBody: Buffer;
  contentType: string;
  headers: IncomingHttpHeaders;
  principal: Principal;
  projectId: string;
  ip: string;
  app: App;
  /** Extra response headers and Set-Cookie values a handler wants sent. */
  response: { headers: Record<string, string>; cookies: string[] };
}

export interface HandlerResult {
  status: number;
  /** JSON body. Omit for 204. */
  body?: unknown;
  /** Binary body (file view/download); sent with `contentType`. */
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => HandlerResult | Promise<HandlerResult>;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), pattern, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  get(p: string, h: Handler) {
    return this.add("GET", p, h);
  }
  post(p: string, h: Handler) {
    return this.add("POST", p, h);
  }
  put(p: string, h: Handler) {
    return this.add("PUT", p, h);
  }
  patch(p: string, h: Handler) {
    return this.add("PATCH", p, h);
  }
  delete(p: string, h: Handler) {
    return this.add("DELETE", p, h);
  }

  match(method: string, path: string): { handler: Handler; pattern: string; params: Record<string, string> } | null {
    const parts = path.split("/").filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params = Object.create(null) as Record<string, string>;
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = route.segments[i]!;
        const part = parts[i]!;
        if (seg.startsWith(":")) params[seg.slice(1)] = decodeSegment(part);
        else if (seg !== part) {
          ok = false;
          break;
        }
      }
      if (ok) return { handler: route.handler, pattern: route.pattern, params };
    }
    return null;
  }
}

/** A malformed `%`-escape in a path id is the caller's mistake: 400, like Appwrite's param validators, not a 500. */
function decodeSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new AppwriteError(400, "general_argument_invalid", "Invalid path: malformed percent-encoding.");
  }
}
