// Appwrite's abuse limits (labels abuse-limit / abuse-time / abuse-key / abuse-reset on its 1.9 routes, applied in
// app/controllers/shared/api.php) for the routes a guest or user can hammer: fixed windows per key, 429
// `general_rate_limit_exceeded` with X-RateLimit-* headers (the closest limit's), API keys exempt. `{url}` is the
// route pattern, as in Appwrite, and `{ip}` is the socket's address: forwarding headers anyone can set are ignored.
// Buckets live in a Map, so no key a caller chooses (an email, say) can reach an object's prototype.
import type { RequestContext } from "./router.ts";
import { errors } from "../errors.ts";

interface Rule {
  method: string;
  route: string;
  limit: number;
  windowSeconds: number;
  /** One bucket per key; a request is limited when any of its buckets is over (Appwrite's abuse-key arrays). */
  keys: Array<(ctx: RequestContext) => string>;
  /** Statuses that clear the request's buckets (abuse-reset), e.g. a successful sign-in. */
  resetOn?: number[];
}

const HOUR = 3600;
/** Appwrite APP_LIMIT_WRITE_RATE_DEFAULT / APP_LIMIT_WRITE_RATE_PERIOD_DEFAULT. */
const WRITE_RATE = 60;
const WRITE_PERIOD = 60;

const userOf = (ctx: RequestContext) => (ctx.principal.kind === "user" ? ctx.principal.userId : "");
const param = (ctx: RequestContext, name: string) => {
  const v = ctx.body[name];
  return typeof v === "string" ? v.toLowerCase() : "";
};
const byIp = (ctx: RequestContext) => `ip:${ctx.ip}`;
const byUser = (ctx: RequestContext) => `userId:${userOf(ctx)}`;
const byIpMethodUser = (ctx: RequestContext) => `ip:${ctx.ip},method:${ctx.method},userId:${userOf(ctx)}`;
/** Upload chunks count separately (Appwrite's `{chunkId}`), so a large chunked upload is not cut off. */
const chunkOf = (ctx: RequestContext) => {
  const range = /bytes (\d+)-(\d+)\//.exec(String(ctx.headers["content-range"] ?? ""));
  if (!range) return 0;
  const [start, end] = [Number(range[1]), Number(range[2])];
  return Math.floor(start / (end + 1 - start));
};

const ROWS = "/v1/tablesdb/:databaseId/tables/:tableId/rows";
const rowWrite = (method: string, route: string, limit: number): Rule => ({
  method,
  route,
  limit,
  windowSeconds: WRITE_PERIOD,
  keys: [byIpMethodUser],
});

const RULES: Rule[] = [
  { method: "POST", route: "/v1/account", limit: 10, windowSeconds: HOUR, keys: [byIp] },
  // Appwrite keys this by email alone, which lets anyone lock a user out for an hour from anywhere; keyed by email
  // and client address, guessing is limited per source and the owner elsewhere still gets in (issue 9, finding 5).
  ...["/v1/account/sessions/email", "/v1/account/sessions"].map((route): Rule => ({
    method: "POST",
    route,
    limit: 10,
    windowSeconds: HOUR,
    keys: [(ctx) => `email:${param(ctx, "email")},ip:${ctx.ip}`],
    resetOn: [201],
  })),
  { method: "POST", route: "/v1/account/sessions/anonymous", limit: 50, windowSeconds: HOUR, keys: [byIp] },
  { method: "DELETE", route: "/v1/account/sessions", limit: 100, windowSeconds: HOUR, keys: [byIp] },
  { method: "DELETE", route: "/v1/account/sessions/:sessionId", limit: 100, windowSeconds: HOUR, keys: [byIp] },
  { method: "PATCH", route: "/v1/account/sessions/:sessionId", limit: 10, windowSeconds: HOUR, keys: [byIp] },
  { method: "PATCH", route: "/v1/account/password", limit: 10, windowSeconds: HOUR, keys: [byIp] },
  { method: "POST", route: "/v1/account/jwts", limit: WRITE_RATE * 2, windowSeconds: WRITE_PERIOD, keys: [byUser] },
  { method: "POST", route: "/v1/account/jwt", limit: WRITE_RATE * 2, windowSeconds: WRITE_PERIOD, keys: [byUser] },
  rowWrite("POST", ROWS, WRITE_RATE * 2),
  rowWrite("PUT", ROWS, WRITE_RATE * 2),
  rowWrite("PATCH", ROWS, WRITE_RATE * 2),
  rowWrite("DELETE", ROWS, WRITE_RATE),
  rowWrite("PATCH", `${ROWS}/:rowId`, WRITE_RATE * 2),
  rowWrite("PUT", `${ROWS}/:rowId`, WRITE_RATE * 2),
  rowWrite("DELETE", `${ROWS}/:rowId`, WRITE_RATE),
  rowWrite("PATCH", `${ROWS}/:rowId/:column/increment`, WRITE_RATE * 2),
  rowWrite("PATCH", `${ROWS}/:rowId/:column/decrement`, WRITE_RATE * 2),
  {
    method: "POST",
    route: "/v1/storage/buckets/:bucketId/files",
    limit: WRITE_RATE,
    windowSeconds: WRITE_PERIOD,
    keys: [(ctx) => `${byIpMethodUser(ctx)},chunkId:${chunkOf(ctx)}`],
  },
  rowWrite("DELETE", "/v1/storage/buckets/:bucketId/files/:fileId", WRITE_RATE),
];

interface Bucket {
  windowStart: number;
  count: number;
}

/** Expired buckets are swept once the map holds this many, so varying keys cannot grow memory without bound. */
const SWEEP_AT = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  private ruleFor(ctx: RequestContext): Rule | undefined {
    if (ctx.principal.kind === "key") return undefined;
    return RULES.find((r) => r.method === ctx.method && r.route === ctx.route);
  }

  private windowStart(rule: Rule): number {
    const now = this.now();
    const ms = rule.windowSeconds * 1000;
    return now - (now % ms);
  }

  /** Counts this request against its route's limits; throws 429 past one. Sets the X-RateLimit-* headers. */
  check(ctx: RequestContext): void {
    const rule = this.ruleFor(ctx);
    if (!rule) return;
    if (this.buckets.size >= SWEEP_AT && this.now() - this.lastSweep > 60_000) this.sweep();
    const windowStart = this.windowStart(rule);
    let closest: Bucket | null = null;
    for (const key of rule.keys) {
      const id = `${rule.method} ${rule.route}|${key(ctx)}`;
      const existing = this.buckets.get(id);
      const bucket = existing && existing.windowStart === windowStart ? existing : { windowStart, count: 0 };
      bucket.count += 1;
      this.buckets.set(id, bucket);
      if (!closest || bucket.count > closest.count) closest = bucket;
    }
    if (!closest) return;
    ctx.response.headers["X-RateLimit-Limit"] = String(rule.limit);
    ctx.response.headers["X-RateLimit-Remaining"] = String(Math.max(0, rule.limit - closest.count));
    ctx.response.headers["X-RateLimit-Reset"] = String(Math.ceil((windowStart + rule.windowSeconds * 1000) / 1000));
    if (closest.count > rule.limit) throw errors.rateLimit();
  }

  /** Appwrite's abuse-reset: a listed status (a successful sign-in) clears the request's buckets. */
  afterResponse(ctx: RequestContext, status: number): void {
    const rule = this.ruleFor(ctx);
    if (!rule?.resetOn?.includes(status)) return;
    for (const key of rule.keys) this.buckets.delete(`${rule.method} ${rule.route}|${key(ctx)}`);
  }

  private sweep(): void {
    const now = this.now();
    this.lastSweep = now;
    for (const [id, bucket] of this.buckets) {
      // No rule's window is longer than an hour.
      if (bucket.windowStart + HOUR * 1000 <= now) this.buckets.delete(id);
    }
  }
}
