// Appwrite's abuse limits for the routes a guest or user can hammer (shared/appwrite-protocol.md §1 "Rate limits"):
// fixed windows, keyed like Appwrite's, answered with 429 `general_rate_limit_exceeded` and X-RateLimit-* headers.
// API keys are exempt. Off unless the server is started with rateLimits (Appwrite Cloud has them on).
import type { RequestContext } from "./router.ts";
import { errors } from "../errors.ts";

interface Rule {
  method: string;
  path: RegExp;
  limit: number;
  windowMs: number;
  key(ctx: RequestContext): string;
}

const HOUR = 3_600_000;
const userOf = (ctx: RequestContext) => (ctx.principal.kind === "user" ? ctx.principal.userId : "");

const RULES: Rule[] = [
  {
    method: "POST",
    path: /^\/v1\/tablesdb\/[^/]+\/tables\/[^/]+\/rows$/,
    limit: 120,
    windowMs: 60_000,
    key: (ctx) => `${ctx.ip}|POST|${ctx.path}|${userOf(ctx)}`,
  },
  { method: "POST", path: /^\/v1\/account\/sessions\/anonymous$/, limit: 50, windowMs: HOUR, key: (ctx) => ctx.ip },
  {
    method: "POST",
    path: /^\/v1\/account\/sessions\/email$/,
    limit: 10,
    windowMs: HOUR,
    key: (ctx) => `${ctx.path}|${typeof ctx.body.email === "string" ? ctx.body.email.toLowerCase() : ""}`,
  },
  { method: "POST", path: /^\/v1\/account$/, limit: 10, windowMs: HOUR, key: (ctx) => ctx.ip },
];

export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts this request against its route's limit; throws 429 past it. Sets the X-RateLimit-* headers. */
  check(ctx: RequestContext): void {
    if (ctx.principal.kind === "key") return;
    const rule = RULES.find((r) => r.method === ctx.method && r.path.test(ctx.path));
    if (!rule) return;
    const now = this.now();
    const windowStart = now - (now % rule.windowMs);
    const id = `${rule.path.source}|${rule.key(ctx)}`;
    const entry = this.hits.get(id);
    const current = entry && entry.windowStart === windowStart ? entry : { windowStart, count: 0 };
    current.count += 1;
    this.hits.set(id, current);
    ctx.response.headers["X-RateLimit-Limit"] = String(rule.limit);
    ctx.response.headers["X-RateLimit-Remaining"] = String(Math.max(0, rule.limit - current.count));
    ctx.response.headers["X-RateLimit-Reset"] = String(Math.ceil((windowStart + rule.windowMs) / 1000));
    if (current.count > rule.limit) throw errors.rateLimit();
  }
}
