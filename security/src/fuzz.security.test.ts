// A bounded fuzz pass of every route the apps have (read from the route files): SECURITY_FUZZ_REQUESTS requests per
// route file (1,000 in CI), with random methods, path ids (real ones of the world, plausible ones, junk), query
// strings and bodies (random JSON, JSON with the keys the routes read, non-JSON, none), as every caller of the
// matrix. No answer may be a 5xx, and afterwards every stored row of every table must still parse the way the apps
// read it. SECURITY_FUZZ_SEED replays a run (the seed is printed).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, actorFor, type Role } from "./support/authorization-table";
import { listRouteFiles, HTTP_METHODS, type RouteFile } from "./support/routes";
import { unparsableRows } from "./support/stored-rows";
import { call, setUpPeople, startSecurityWorld, type People, type SecurityWorld } from "./support/world";

const REQUESTS_PER_ROUTE = Number(process.env.SECURITY_FUZZ_REQUESTS ?? 1000);
const SEED = Number(process.env.SECURITY_FUZZ_SEED ?? Date.now() % 2_147_483_647);
const IN_FLIGHT = 6;

let world: SecurityWorld;
let people: People;

beforeAll(async () => {
  world = await startSecurityWorld();
  people = await setUpPeople(world);
});
afterAll(async () => {
  await world?.close();
});

// The keys the routes' schemas read, so random values reach past "unknown field" into the use cases.
const KNOWN_KEYS = [
  "expectedVersion",
  "reason",
  "decision",
  "kind",
  "clientMessageId",
  "text",
  "imageFileId",
  "lat",
  "lng",
  "stars",
  "comment",
  "code",
  "duration",
  "price",
  "providerType",
  "locale",
  "login",
  "email",
  "password",
  "online",
  "status",
  "etaMinutes",
  "delayMinutes",
  "declineReason",
  "name",
  "bio",
  "whatsapp",
  "source",
  "customerName",
  "customerWhatsapp",
  "address",
  "hotelOrVilla",
  "roomNumber",
  "scheduledFor",
  "therapistId",
  "placeId",
  "massageType",
  "discountCode",
  "languages",
  "serviceRadiusKm",
  "bankName",
  "accountNumber",
  "accountHolder",
  "__proto__",
  "constructor",
];
const QUERY_KEYS = [
  "lat",
  "lng",
  "q",
  "limit",
  "before",
  "after",
  "scope",
  "w",
  "area",
  "duration",
  "radiusKm",
  "page",
];

interface FuzzCase {
  method: string;
  role: Role;
  ids: string[];
  query: [string, string][];
  body: { kind: "none" } | { kind: "json"; value: unknown } | { kind: "raw"; text: string; contentType: string };
}

function arbitraryFor(route: RouteFile, realIds: string[]): fc.Arbitrary<FuzzCase> {
  const nasty = fc.constantFrom(
    "",
    "\u0000",
    "../..",
    "%",
    "null",
    "-1",
    "1e309",
    "NaN",
    "😀",
    "a".repeat(300),
    "<svg/>",
  );
  const scalar = fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String), nasty);
  const id = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realIds) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,40}$/) },
    { weight: 1, arbitrary: scalar.filter((s) => s.length > 0) },
  );
  const json = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.dictionary(fc.constantFrom(...KNOWN_KEYS), fc.oneof(fc.jsonValue({ maxDepth: 2 }), scalar), {
        maxKeys: 6,
      }),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
  return fc.record({
    method: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...route.methods) },
      { weight: 1, arbitrary: fc.constantFrom(...HTTP_METHODS) },
    ),
    role: fc.constantFrom(...ROLES),
    ids: fc.array(id, { minLength: route.params.length, maxLength: route.params.length }),
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), scalar), {
      maxLength: 4,
    }),
    body: fc.oneof(
      { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
      { weight: 4, arbitrary: json.map((value) => ({ kind: "json" as const, value })) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("raw" as const),
          text: fc.string({ maxLength: 200 }),
          contentType: fc.constantFrom(
            "application/json",
            "text/plain",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
          ),
        }),
      },
    ),
  });
}

async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

describe("a bounded fuzz pass of every route", () => {
  it(`${REQUESTS_PER_ROUTE} requests per route, as every caller: no 5xx, and every stored row still parses`, async () => {
    console.log(`fuzz seed ${SEED} (SECURITY_FUZZ_SEED=${SEED} replays it), ${REQUESTS_PER_ROUTE} requests per route`);
    const realIds = [
      people.bookingA,
      people.bookingB,
      people.bookingC,
      people.offerA,
      people.photoA,
      "photo-therapist-01",
    ];
    // Sign-outs end the sessions the other routes are called with: last.
    const routes = listRouteFiles().sort(
      (a, b) => Number(a.pattern.includes("logout")) - Number(b.pattern.includes("logout")),
    );
    const failures: string[] = [];
    /** "status app method pattern" → how many, for a summary that fits a CI log. */
    const byKind = new Map<string, number>();
    let sent = 0;
    const started = Date.now();
    // The three apps are separate processes: fuzz them at the same time, one route of each at a time.
    const fuzzRoute = async (route: RouteFile, index: number) => {
      const cases = fc.sample(arbitraryFor(route, realIds), { numRuns: REQUESTS_PER_ROUTE, seed: SEED + index });
      await inBatches(cases, async (c) => {
        let seen = 0;
        const path =
          route.pattern.replace(/\[[^\]]+\]/g, () => encodeURIComponent(c.ids[seen++] ?? "x")) +
          (c.query.length ? `?${new URLSearchParams(c.query).toString()}` : "");
        const headers: Record<string, string> = {};
        let body: string | undefined;
        if (c.body.kind === "json") {
          body = JSON.stringify(c.body.value) ?? "null";
          headers["content-type"] = "application/json";
        } else if (c.body.kind === "raw") {
          body = c.body.text;
          headers["content-type"] = c.body.contentType;
        }
        const send = ["GET", "HEAD"].includes(c.method) ? undefined : body;
        const res = await call(world, route.app, c.method, path, {
          as: actorFor(people, c.role, route.app),
          headers,
          body: send,
        }).catch((error: Error) => ({ status: 599, text: () => `no answer: ${error.message}` }));
        sent += 1;
        if (res.status >= 500) {
          const kind = `${res.status} ${route.app} ${c.method} ${route.pattern}`;
          byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
          failures.push(
            `${res.status} ${route.app} ${c.method} ${path} as ${c.role} body=${(send ?? "").slice(0, 120)} → ${res.text().slice(0, 120)}`,
          );
        }
      });
    };
    await Promise.all(
      (["customer", "therapist-dashboard", "admin-dashboard"] as const).map(async (app) => {
        for (const [index, route] of routes.entries()) if (route.app === app) await fuzzRoute(route, index);
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`fuzz: ${sent} requests to ${routes.length} routes in ${seconds.toFixed(0)} s, ${failures.length} 5xx`);
    for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${kind}`);
    expect(failures.slice(0, 25), `${failures.length} answers were 5xx (seed ${SEED})`).toEqual([]);
    expect(await unparsableRows(world)).toEqual([]);
  }, 900_000); // 1,000 per route is ~47,000 requests: minutes, not the suite's default 5.
});
