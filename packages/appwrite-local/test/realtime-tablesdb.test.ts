// End to end: row writes through node-appwrite's TablesDB reach web SDK realtime subscribers that may read them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Realtime, Query } from "appwrite";
import { ID, Permission, Role, TablesDB } from "node-appwrite";
import { startTestServer, type TestServer } from "./support/server.ts";
import { listenReady, sleep, waitFor, webClient } from "./support/realtime.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const db = new TablesDB(t.admin());
  await db.create({ databaseId: "app", name: "App" });
  await db.createTable({
    databaseId: "app",
    tableId: "notes",
    name: "Notes",
    rowSecurity: true,
    permissions: [Permission.create(Role.users())],
  });
  await db.createStringColumn({ databaseId: "app", tableId: "notes", key: "text", size: 100, required: false });
  await db.createIntegerColumn({ databaseId: "app", tableId: "notes", key: "priority", required: false });
  for (const key of ["text", "priority"]) {
    const start = Date.now();
    while ((await db.getColumn({ databaseId: "app", tableId: "notes", key })).status !== "available") {
      if (Date.now() - start > 3000) throw new Error(`column ${key} never became available`);
      await sleep(20);
    }
  }
});
afterAll(() => t.close());

describe("row events", () => {
  it("reach the row's readers only, with all 16 channels and matching queries", async () => {
    const owner = await t.signUp();
    const other = await t.signUp();
    const channel = "tablesdb.app.tables.notes.rows";
    const mine = await listenReady(t, new Realtime(webClient(t, { session: owner.secret })), [channel]);
    const urgent = await listenReady(
      t,
      new Realtime(webClient(t, { session: owner.secret })),
      [channel],
      [Query.greaterThan("priority", 5)],
    );
    const theirs = await listenReady(t, new Realtime(webClient(t, { session: other.secret })), [channel]);
    try {
      const rows = new TablesDB(owner.client);
      const row = await rows.createRow({
        databaseId: "app",
        tableId: "notes",
        rowId: ID.unique(),
        data: { text: "hi", priority: 9 },
      });
      await rows.createRow({
        databaseId: "app",
        tableId: "notes",
        rowId: ID.unique(),
        data: { text: "later", priority: 1 },
      });
      await waitFor(() => mine.received.length === 2 && urgent.received.length === 1);
      await sleep(100);
      expect(theirs.received).toHaveLength(0);
      expect(urgent.received[0]!.payload).toMatchObject({ $id: row.$id, priority: 9 });
      const event = mine.received[0]!;
      expect(event.events[0]).toBe(`tablesdb.app.tables.notes.rows.${row.$id}.create`);
      expect(event.channels).toHaveLength(16);
      expect(event.channels).toContain(`tablesdb.app.tables.notes.rows.${row.$id}.create`);

      // Shared with all users: now the other user hears about its updates.
      await rows.updateRow({
        databaseId: "app",
        tableId: "notes",
        rowId: row.$id,
        data: { text: "shared" },
        permissions: [Permission.read(Role.users()), Permission.update(Role.user(owner.userId))],
      });
      await waitFor(() => theirs.received.length === 1);
      expect(theirs.received[0]!.payload).toMatchObject({ $id: row.$id, text: "shared" });
    } finally {
      await Promise.all([mine.close(), urgent.close(), theirs.close()]);
    }
  });
});
