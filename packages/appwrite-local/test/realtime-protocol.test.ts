// The realtime wire protocol at the message level (protocol §5), with a raw WebSocket for what the SDK never
// sends: malformed messages, on-demand pings, legacy `channels[]` URLs and explicit subscription IDs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, PROJECT_ID, type TestServer } from "./support/server.ts";
import { publish, rawSocket, sleep, type RawSocket } from "./support/realtime.ts";

let t: TestServer;
const sockets: RawSocket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) await s.close();
});
afterAll(() => t.close());

async function connect(query?: string, headers?: Record<string, string>) {
  const s = await rawSocket(t, query, headers);
  sockets.push(s);
  return s;
}

async function connected(query?: string, headers?: Record<string, string>) {
  const s = await connect(query, headers);
  const hello = await s.next("connected");
  return { s, hello };
}

describe("connection", () => {
  it("greets a guest with `connected` and no user", async () => {
    const { hello } = await connected();
    expect(hello).toEqual({ type: "connected", data: { channels: [], subscriptions: [], user: null } });
  });

  it("authenticates the handshake from the session cookie", async () => {
    const u = await t.signUp();
    const { hello } = await connected(undefined, { cookie: `a_session_${PROJECT_ID}=${encodeURIComponent(u.secret)}` });
    expect(hello.data).toMatchObject({ user: { $id: u.userId, email: u.email } });
  });

  it("closes with 1008 for an unknown project", async () => {
    const s = await connect("project=someone-else");
    expect(await s.next("error")).toEqual({
      type: "error",
      data: { code: 1008, message: "Missing or unknown project ID" },
    });
    await new Promise((r) => s.ws.once("close", r));
    expect(s.closeCode).toBe(1008);
  });

  it("rejects a bad JWT and a JWT together with a session", async () => {
    const bad = await connect(`project=${PROJECT_ID}&jwt=garbage`);
    expect(await bad.next("error")).toMatchObject({ data: { code: 401 } });
    const u = await t.signUp();
    const both = await connect(`project=${PROJECT_ID}&jwt=garbage`, { "x-appwrite-session": u.secret });
    expect(await both.next("error")).toMatchObject({ data: { code: 403 } });
  });

  it("supports the legacy channels[] query parameter", async () => {
    const { s, hello } = await connected(`project=${PROJECT_ID}&channels[]=rows&channels[]=files`);
    const data = hello.data as { channels: string[]; subscriptions: string[] };
    expect(data.channels).toEqual(["rows", "files"]);
    expect(data.subscriptions).toHaveLength(1);
    publish(t, { channels: ["files"], roles: ["any"], payload: { n: 1 } });
    expect(await s.next("event")).toMatchObject({ data: { payload: { n: 1 }, subscriptions: data.subscriptions } });
  });
});

describe("messages", () => {
  it("answers ping with pong", async () => {
    const { s } = await connected();
    s.send({ type: "ping" });
    expect(await s.next("pong")).toEqual({ type: "pong" });
  });

  it("subscribes with client IDs (upsert), assigns IDs when missing, and unsubscribes", async () => {
    const { s } = await connected();
    s.send({
      type: "subscribe",
      data: [
        { subscriptionId: "sub-a", channels: ["a"] },
        { channels: ["b"], queries: ['{"method":"equal","attribute":"x","values":[1]}'] },
      ],
    });
    const res = (await s.next("response")).data as {
      to: string;
      success: boolean;
      subscriptions: Array<{ subscriptionId: string; channels: string[]; queries: string[] }>;
    };
    expect(res.to).toBe("subscribe");
    expect(res.success).toBe(true);
    expect(res.subscriptions[0]).toEqual({
      subscriptionId: "sub-a",
      channels: ["a"],
      queries: ['{"method":"select","values":["*"]}'],
    });
    expect(res.subscriptions[1]!.subscriptionId).toMatch(/^[0-9a-f]{20}$/);
    expect(res.subscriptions[1]!.queries).toEqual(['{"method":"equal","attribute":"x","values":[1]}']);

    // Re-subscribing "sub-a" replaces its channels.
    s.send({ type: "subscribe", data: [{ subscriptionId: "sub-a", channels: ["c"] }] });
    await s.next("response");
    publish(t, { channels: ["a"], roles: ["any"], payload: { on: "a" } });
    publish(t, { channels: ["c"], roles: ["any"], payload: { on: "c" } });
    expect(await s.next("event")).toMatchObject({ data: { payload: { on: "c" }, subscriptions: ["sub-a"] } });

    s.send({ type: "unsubscribe", data: [{ subscriptionId: "sub-a" }, { subscriptionId: "never" }] });
    expect((await s.next("response")).data).toEqual({
      to: "unsubscribe",
      success: true,
      subscriptions: [
        { subscriptionId: "sub-a", removed: true },
        { subscriptionId: "never", removed: false },
      ],
    });
    publish(t, { channels: ["c"], roles: ["any"], payload: { on: "c again" } });
    await sleep(100);
    expect(s.messages.filter((m) => m.type === "event")).toEqual([]);
  });

  it("lists every matching subscription of a connection on one event", async () => {
    const { s } = await connected();
    s.send({
      type: "subscribe",
      data: [
        { subscriptionId: "one", channels: ["rows"] },
        { subscriptionId: "two", channels: ["rows.create", "rows"] },
      ],
    });
    await s.next("response");
    publish(t, { channels: ["rows", "rows.create"], roles: ["any"] });
    const event = await s.next("event");
    expect((event.data as { subscriptions: string[] }).subscriptions.sort()).toEqual(["one", "two"]);
    await sleep(50);
    expect(s.messages.filter((m) => m.type === "event")).toEqual([]);
  });

  it("upgrades a guest connection with an `authentication` message", async () => {
    const u = await t.signUp();
    const { s } = await connected();
    s.send({ type: "subscribe", data: [{ subscriptionId: "mine", channels: ["rows"] }] });
    await s.next("response");
    publish(t, { channels: ["rows"], roles: [`user:${u.userId}`], payload: { n: 1 } });
    s.send({ type: "authentication", data: { session: u.secret } });
    expect(await s.next("response")).toMatchObject({
      data: { to: "authentication", success: true, user: { $id: u.userId } },
    });
    publish(t, { channels: ["rows"], roles: [`user:${u.userId}`], payload: { n: 2 } });
    expect(await s.next("event")).toMatchObject({ data: { payload: { n: 2 } } });
  });

  it("answers malformed messages with error 1003 and keeps the socket open", async () => {
    const { s } = await connected();
    const cases: Array<[unknown, string]> = [
      ["{not json", "Message format is not valid."],
      [{}, "Message format is not valid."],
      [{ type: "dance" }, "Message type is not valid."],
      [{ data: [] }, "Message type is not valid."],
      [{ type: "subscribe" }, "Payload is not valid. Items is required"],
      [{ type: "subscribe", data: {} }, "items: Payload is not valid."],
      [{ type: "subscribe", data: [{ subscriptionId: "x" }] }, "items: channels is not present in payload."],
      [{ type: "subscribe", data: [{ channels: "rows" }] }, "items: channels is not a valid array."],
      [{ type: "subscribe", data: [{ channels: [1] }] }, "items: channels must contain only strings."],
      [
        { type: "subscribe", data: [{ subscriptionId: "-bad", channels: [] }] },
        "items: subscriptionId is not a valid id.",
      ],
      [{ type: "unsubscribe", data: [{}] }, "items: Each unsubscribe payload must include a non-empty subscriptionId."],
      [{ type: "authentication", data: {} }, "Payload is not valid. Session is required"],
      [{ type: "authentication", data: { session: "bm90IGEgc2Vzc2lvbg==" } }, "Session is not valid."],
    ];
    for (const [message, expected] of cases) {
      s.send(message);
      expect(await s.next("error")).toEqual({ type: "error", data: { code: 1003, message: expected } });
    }
    s.send({ type: "ping" });
    expect(await s.next("pong")).toEqual({ type: "pong" });
    expect(s.closeCode).toBeNull();
  });

  it("rejects queries realtime does not support", async () => {
    const { s } = await connected();
    s.send({
      type: "subscribe",
      data: [{ channels: ["rows"], queries: ['{"method":"search","attribute":"a","values":["x"]}'] }],
    });
    const err = (await s.next("error")).data as { code: number; message: string };
    expect(err.code).toBe(1003);
    expect(err.message).toBe(
      "Invalid query: Query method 'search' is not supported in Realtime queries. Allowed: equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select",
    );
    s.send({ type: "subscribe", data: [{ channels: ["rows"], queries: ['{"method":"select","values":["name"]}'] }] });
    expect(((await s.next("error")).data as { message: string }).message).toMatch(/Only select\("\*"\) is allowed/);
    s.send({ type: "subscribe", data: [{ channels: ["rows"], queries: ["{oops"] }] });
    expect(((await s.next("error")).data as { message: string }).message).toBe("Invalid query: Syntax error");
  });

  it("evaluates and/or/isNull queries against the payload", async () => {
    const { s } = await connected();
    const q = JSON.stringify({
      method: "or",
      values: [
        {
          method: "and",
          values: [
            { method: "equal", attribute: "kind", values: ["a"] },
            { method: "lessThanEqual", attribute: "n", values: [2] },
          ],
        },
        { method: "isNull", attribute: "deletedAt" },
      ],
    });
    s.send({ type: "subscribe", data: [{ subscriptionId: "q", channels: ["rows"], queries: [q] }] });
    await s.next("response");
    for (const payload of [
      { id: 1, kind: "a", n: 2 },
      { id: 2, kind: "a", n: 3 },
      { id: 3, deletedAt: null },
      { id: 4 },
      { id: 5, kind: "b", n: 1 },
    ]) {
      publish(t, { channels: ["rows"], roles: ["any"], payload });
    }
    const ids = [];
    for (let i = 0; i < 2; i++) ids.push(((await s.next("event")).data as { payload: { id: number } }).payload.id);
    expect(ids).toEqual([1, 3]);
    await sleep(50);
    expect(s.messages.filter((m) => m.type === "event")).toEqual([]);
  });
});

describe("fan-out", () => {
  it("delivers one write to many connections once each, and only to those allowed", async () => {
    const count = 200;
    const all = await Promise.all(Array.from({ length: count }, () => connected()));
    for (const [i, { s }] of all.entries())
      s.send({ type: "subscribe", data: [{ subscriptionId: `s${i}`, channels: ["rows"] }] });
    await Promise.all(all.map(({ s }) => s.next("response")));

    publish(t, { channels: ["rows", "rows.create"], roles: ["any"], payload: { to: "all" } });
    publish(t, { channels: ["rows"], roles: ["users"], payload: { to: "users" } });
    const events = await Promise.all(all.map(({ s }) => s.next("event")));
    expect(events.every((e) => (e.data as { payload: { to: string } }).payload.to === "all")).toBe(true);
    await sleep(100);
    expect(all.every(({ s }) => s.messages.length === 0)).toBe(true);
  });
});
