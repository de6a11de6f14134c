// Realtime through the `appwrite` web SDK's Realtime service: delivery, role and query filtering, unsubscribe,
// session and JWT authentication, and events published by storage and account writes.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Query, Realtime } from "appwrite";
import { Account, ID, Permission, Role, Storage } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { startTestServer, type TestServer } from "./support/server.ts";
import { listenReady, publish, sleep, waitFor, webClient, type Listener } from "./support/realtime.ts";

let t: TestServer;
const open: Array<Listener> = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});
afterAll(() => t.close());

async function listenAs(auth: { session?: string; jwt?: string }, channels: string[], queries: string[] = []) {
  const realtime = new Realtime(webClient(t, auth));
  const listener = await listenReady(t, realtime, channels, queries);
  open.push(listener);
  return { realtime, listener };
}

describe("delivery", () => {
  it("delivers events on subscribed channels, tagged with the subscription ID", async () => {
    const { listener } = await listenAs({}, ["tablesdb.db.tables.t.rows"]);
    publish(t, {
      events: ["tablesdb.db.tables.t.rows.r1.create"],
      channels: ["rows", "tablesdb.db.tables.t.rows", "tablesdb.db.tables.t.rows.r1"],
      roles: ["any"],
      timestamp: "2025-01-02T03:04:05.678+00:00",
      payload: { $id: "r1", title: "hello" },
    });
    publish(t, { channels: ["tablesdb.db.tables.other.rows"], roles: ["any"], payload: { $id: "r2" } });
    await waitFor(() => listener.received.length === 1);
    await sleep(50);
    expect(listener.received).toHaveLength(1);
    expect(listener.received[0]).toMatchObject({
      events: ["tablesdb.db.tables.t.rows.r1.create"],
      channels: ["rows", "tablesdb.db.tables.t.rows", "tablesdb.db.tables.t.rows.r1"],
      timestamp: "2025-01-02T03:04:05.678+00:00",
      payload: { $id: "r1", title: "hello" },
    });
    expect(listener.received[0]!.subscriptions).toHaveLength(1);
  });

  it("only delivers events whose roles the connection holds", async () => {
    const alice = await t.signUp();
    const bob = await t.signUp();
    const a = await listenAs({ session: alice.secret }, ["rows"]);
    const b = await listenAs({ session: bob.secret }, ["rows"]);
    const g = await listenAs({}, ["rows"]);

    publish(t, { channels: ["rows"], roles: [`user:${alice.userId}`], payload: { to: "alice" } });
    publish(t, { channels: ["rows"], roles: ["users"], payload: { to: "users" } });
    publish(t, { channels: ["rows"], roles: ["guests"], payload: { to: "guests" } });
    await waitFor(
      () => a.listener.received.length === 2 && b.listener.received.length === 1 && g.listener.received.length === 1,
    );
    await sleep(50);
    expect(a.listener.received.map((e) => e.payload.to)).toEqual(["alice", "users"]);
    expect(b.listener.received.map((e) => e.payload.to)).toEqual(["users"]);
    expect(g.listener.received.map((e) => e.payload.to)).toEqual(["guests"]);
  });

  it("filters by subscription queries", async () => {
    const { listener } = await listenAs(
      {},
      ["rows"],
      [Query.equal("status", "open"), Query.greaterThan("priority", 2)],
    );
    const payloads = [
      { id: 1, status: "open", priority: 3 },
      { id: 2, status: "closed", priority: 5 },
      { id: 3, status: "open", priority: 1 },
      { id: 4, priority: 9 },
      { id: 5, status: "open", priority: 7 },
    ];
    for (const payload of payloads) publish(t, { channels: ["rows"], roles: ["any"], payload });
    await waitFor(() => listener.received.length === 2);
    await sleep(50);
    expect(listener.received.map((e) => e.payload.id)).toEqual([1, 5]);
  });

  it("stops delivering after unsubscribe", async () => {
    const { listener } = await listenAs({}, ["rows"]);
    await listener.unsubscribe();
    await sleep(100);
    publish(t, { channels: ["rows"], roles: ["any"], payload: { late: true } });
    await sleep(150);
    expect(listener.received).toHaveLength(0);
  });

  it("authenticates with a JWT (the `jwt` query parameter)", async () => {
    const u = await t.signUp();
    const { jwt } = await new Account(u.client).createJWT();
    const { listener } = await listenAs({ jwt }, ["rows"]);
    publish(t, { channels: ["rows"], roles: [`user:${u.userId}`], payload: { mine: true } });
    await waitFor(() => listener.received.length === 1);
  });

  it("reports a bad JWT through onError and does not reconnect", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const realtime = new Realtime(webClient(t, { jwt: "not.a.jwt" }));
      const errors: Array<{ message: string; code: unknown }> = [];
      let closes = 0;
      realtime.onError((e, code) => errors.push({ message: e?.message ?? "", code }));
      realtime.onClose(() => closes++);
      await realtime.subscribe(["rows"], () => undefined).catch(() => undefined);
      await waitFor(() => errors.length > 0 && closes > 0);
      expect(errors[0]).toMatchObject({ code: 401 });
      expect(errors[0]!.message).toMatch(/^Failed to verify JWT\./);
      await sleep(1200);
      expect(closes).toBe(1);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});

describe("events from this server's own writes", () => {
  it("publishes file events with bucket/file read roles (fileSecurity)", async () => {
    const admin = new Storage(t.admin());
    await admin.createBucket({
      bucketId: "rt-files",
      name: "RT",
      fileSecurity: true,
      permissions: [Permission.create(Role.users())],
    });
    const owner = await t.signUp();
    const other = await t.signUp();
    const mine = await listenAs({ session: owner.secret }, ["buckets.rt-files.files"]);
    const theirs = await listenAs({ session: other.secret }, ["buckets.rt-files.files"]);

    const file = await new Storage(owner.client).createFile({
      bucketId: "rt-files",
      fileId: ID.unique(),
      file: InputFile.fromPlainText("hi", "hi.txt"),
    });
    await waitFor(() => mine.listener.received.length === 1);
    const event = mine.listener.received[0]!;
    expect(event.events[0]).toBe(`buckets.rt-files.files.${file.$id}.create`);
    expect(event.events).toContain("buckets.*.files.*");
    expect(event.channels).toEqual(
      expect.arrayContaining([
        "files",
        "buckets.rt-files.files",
        `buckets.rt-files.files.${file.$id}`,
        "files.create",
        `buckets.rt-files.files.${file.$id}.create`,
      ]),
    );
    expect(event.payload).toMatchObject({ $id: file.$id, bucketId: "rt-files", name: "hi.txt" });

    // Once the owner shares the file, the other user receives its update.
    await new Storage(owner.client).updateFile({
      bucketId: "rt-files",
      fileId: file.$id,
      permissions: [Permission.read(Role.users())],
    });
    await waitFor(() => theirs.listener.received.length === 1);
    expect(theirs.listener.received[0]!.events[0]).toBe(`buckets.rt-files.files.${file.$id}.update`);
  });

  it("publishes account events to the account's own connection", async () => {
    const u = await t.signUp();
    const { listener } = await listenAs({ session: u.secret }, ["account"]);
    await new Account(u.client).updateName({ name: "Renamed" });
    await waitFor(() => listener.received.length === 1);
    expect(listener.received[0]!.events).toContain(`users.${u.userId}.update.name`);
    expect(listener.received[0]!.payload).toMatchObject({ $id: u.userId, name: "Renamed" });
  });
});
