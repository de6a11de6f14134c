// The authorization matrix: every route × method of the three apps (read from the route files themselves, see
// support/routes.ts) × seven callers → allowed / 401 / 403 / 404, from the declarative table in
// support/authorization-table.ts. A route file, or a method in one, with no entry in the table fails the suite, so a
// new route cannot ship without someone deciding who may call it.
import { Query } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, actorFor, expectations, isAllowed, requestFor, phaseOf } from "./support/authorization-table";
import { listRouteFiles, routeKey } from "./support/routes";
import { call, COOKIES, setUpPeople, startSecurityWorld, type People, type SecurityWorld } from "./support/world";

let world: SecurityWorld;
let people: People;
let commissionId: string;

const routes = listRouteFiles();
const cells = routes.flatMap((route) =>
  route.methods.map((method) => ({ route, method, key: routeKey(route.app, method, route.pattern) })),
);

beforeAll(async () => {
  world = await startSecurityWorld();
  people = await setUpPeople(world);
  // Booking A's commission record (made at confirmation), due now, so the proof upload and the admin's review
  // have something real to act on.
  const [commission] = await world.rows("commissions", [Query.equal("bookingId", people.bookingA)]);
  if (!commission) throw new Error("booking A has no commission record");
  commissionId = commission.$id;
  await world.updateRow("commissions", commissionId, {
    status: "due",
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
});
afterAll(async () => {
  await world?.close();
});

describe("authorization matrix", () => {
  it("has an entry for every route file and method, and none for a route that is gone", () => {
    const known = new Set(cells.map((c) => c.key));
    const missing = [...known].filter((key) => !(key in expectations));
    const stale = Object.keys(expectations).filter((key) => !known.has(key));
    expect(routes.length).toBeGreaterThan(40);
    expect(missing, "routes with no entry in support/authorization-table.ts").toEqual([]);
    expect(stale, "entries in support/authorization-table.ts for routes that no longer exist").toEqual([]);
  });

  it("answers every route × caller as the table says", async () => {
    const failures: string[] = [];
    // Phases keep the cells honest without mutating each other's ground: sign-outs (which end sessions) run last.
    const ordered = [...cells].sort((a, b) => phaseOf(a.key) - phaseOf(b.key));
    for (const { route, method, key } of ordered) {
      const table = expectations[key];
      if (!table) continue; // reported by the test above
      for (const role of ROLES) {
        const actor = actorFor(people, role, route.app);
        const request = requestFor(key, { people, commissionId, role });
        const res = await call(world, route.app, method, request.path, {
          as: actor,
          headers: request.headers,
          body: request.body,
          json: request.json,
        });
        const expected = table[role];
        const ok =
          expected === "ok"
            ? isAllowed(res.status)
            : Array.isArray(expected)
              ? expected.includes(res.status)
              : res.status === expected;
        if (!ok)
          failures.push(
            `${key} as ${role}: got ${res.status}, want ${JSON.stringify(expected)} ${res.text().slice(0, 120)}`,
          );
        if (res.status >= 500) failures.push(`${key} as ${role}: 5xx`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("sets each app's session in its own httpOnly cookie", () => {
    // The matrix's "foreign" role relies on the names differing; a shared name would let one app's cookie reach another.
    expect(new Set(Object.values(COOKIES)).size).toBe(3);
  });
});
