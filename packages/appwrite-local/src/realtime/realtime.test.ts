import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { compileQueries, matchesQuery, RealtimeQueryError } from "./realtime-query.ts";
import { convertChannels, rebindAccountChannels } from "./channels.ts";
import { generateEvents, withActionChannels } from "./event-names.ts";
import { SubscriptionIndex } from "./subscription-index.ts";
import { Connection } from "./connection.ts";

const q = (o: unknown) => JSON.stringify(o);

describe("realtime queries", () => {
  it("evaluates the allowed methods against the payload", () => {
    const { compiled } = compileQueries([
      q({ method: "equal", attribute: "a", values: [1, 2] }),
      q({ method: "lessThan", attribute: "b", values: [10] }),
    ]);
    expect(matchesQuery(compiled, { a: 2, b: 3 })).toBe(true);
    expect(matchesQuery(compiled, { a: 3, b: 3 })).toBe(false);
    expect(matchesQuery(compiled, { a: 1 })).toBe(false);
    const notNull = compileQueries([q({ method: "isNotNull", attribute: "x" })]).compiled;
    expect(matchesQuery(notNull, { x: 0 })).toBe(true);
    expect(matchesQuery(notNull, { x: null })).toBe(false);
    expect(matchesQuery(notNull, {})).toBe(false);
    expect(matchesQuery(compileQueries([]).compiled, {})).toBe(true);
    expect(matchesQuery(compileQueries([q({ method: "select", values: ["*"] })]).compiled, {})).toBe(true);
  });

  it("rejects everything else", () => {
    expect(() => compileQueries([q({ method: "contains", attribute: "a", values: ["x"] })])).toThrow(
      RealtimeQueryError,
    );
    expect(() => compileQueries([q({ method: "or", values: [{ method: "limit", values: [1] }] })])).toThrow(
      /'limit' is not supported/,
    );
    expect(() => compileQueries(["nope"])).toThrow(/Syntax error/);
  });
});

describe("channels and events", () => {
  it("rewrites account channels like Appwrite", () => {
    expect(convertChannels(["account", "rows", "account.update", "account.someone"], "u1")).toEqual([
      "account",
      "rows",
      "account.u1",
      "account.u1.update",
    ]);
    expect(convertChannels(["account", "account.update"], "")).toEqual(["account", "account.update"]);
    expect(rebindAccountChannels(["account.update", "rows"], "", "u1")).toEqual(["account.u1.update", "rows"]);
  });

  it("generates Appwrite's event names and action channels for files", () => {
    expect(generateEvents("buckets.[bucketId].files.[fileId].create", { bucketId: "B", fileId: "F" })).toEqual([
      "buckets.B.files.F.create",
      "buckets.*.files.*.create",
      "buckets.B.files.*.create",
      "buckets.*.files.F.create",
      "buckets.B.files.F",
      "buckets.*.files.*",
      "buckets.B.files.*",
      "buckets.*.files.F",
      "buckets.B",
      "buckets.*",
    ]);
    expect(generateEvents("users.[userId].update.name", { userId: "U" })).toEqual([
      "users.U.update",
      "users.*.update",
      "users.U.update.name",
      "users.*.update.name",
      "users.U",
      "users.*",
    ]);
    expect(withActionChannels(["files", "buckets.B.files", "buckets.B.files.F"], "delete")).toEqual([
      "files",
      "buckets.B.files",
      "buckets.B.files.F",
      "files.delete",
      "buckets.B.files.delete",
      "buckets.B.files.F.delete",
    ]);
  });
});

describe("subscription index", () => {
  const fakeSocket = {} as WebSocket;
  const conn = (id: number, roles: string[]) => new Connection(id, fakeSocket, roles, "");
  const all = compileQueries([]);
  const sub = (id: string, channels: string[]) => ({ id, channels, query: all.compiled, queryStrings: all.strings });
  const event = (channels: string[], roles: string[]) => ({ events: [], channels, roles, timestamp: "", payload: {} });

  it("matches by channel and role, and forgets removed subscriptions", () => {
    const index = new SubscriptionIndex();
    const a = conn(1, ["any", "users", "user:a"]);
    const b = conn(2, ["any", "guests"]);
    index.upsert(a, sub("s1", ["rows", "files"]));
    index.upsert(a, sub("s2", ["rows"]));
    index.upsert(b, sub("s3", ["rows"]));
    const toA = index.match(event(["rows", "files"], ["user:a"]));
    expect([...toA.keys()]).toEqual([a]);
    expect([...toA.get(a)!].sort()).toEqual(["s1", "s2"]);
    expect(index.match(event(["rows"], ["any"])).size).toBe(2);

    index.upsert(a, sub("s1", ["files"]));
    index.remove(a, "s2");
    expect(index.match(event(["rows"], ["users"])).size).toBe(0);
    index.setRoles(b, ["any", "users", "user:b"]);
    expect([...index.match(event(["rows"], ["users"])).keys()]).toEqual([b]);
    index.removeConnection(b);
    expect(index.match(event(["rows"], ["any"])).size).toBe(0);
  });

  it("fans one event out to 10,000 subscribers cheaply, touching only those allowed", () => {
    const index = new SubscriptionIndex();
    for (let i = 0; i < 10_000; i++)
      index.upsert(conn(i, ["any", "users", `user:${i}`]), sub(`s${i}`, ["rows", `rows.${i % 10}`]));
    const start = performance.now();
    const everyone = index.match(event(["rows", "rows.create"], ["any"]));
    const one = index.match(event(["rows"], ["user:42"]));
    const elapsed = performance.now() - start;
    expect(everyone.size).toBe(10_000);
    expect([...one.keys()].map((c) => c.id)).toEqual([42]);
    expect(elapsed).toBeLessThan(250);
  });
});
