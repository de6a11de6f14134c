// Contract: permissions (protocol §3) as seen by guests and session users through node-appwrite: table vs row
// security, default row permissions, grantable roles, 404 for unreadable rows, 401 for denied writes and lists,
// filtering in lists with correct totals and pages, labels, and scope errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ID, Permission, Query, Role, TablesDB } from "node-appwrite";
import {
  appwriteError,
  createUserWithSession,
  startTestServer,
  type TestServer,
  type TestUser,
} from "./helpers/server.ts";

let t: TestServer;
let admin: TablesDB;
let guest: TablesDB;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
const D = "perm";
const as = (u: TestUser) => new TablesDB(u.client);

beforeAll(async () => {
  t = await startTestServer();
  admin = new TablesDB(t.adminClient());
  guest = new TablesDB(t.guestClient());
  [alice, bob, carol] = await Promise.all([
    createUserWithSession(t),
    createUserWithSession(t),
    createUserWithSession(t, { labels: ["therapist"] }),
  ]);
  await admin.create({ databaseId: D, name: "Perm" });
});
afterAll(() => t.close());

async function table(tableId: string, permissions: string[], rowSecurity: boolean) {
  await admin.createTable({ databaseId: D, tableId, name: tableId, permissions, rowSecurity });
  await admin.createVarcharColumn({ databaseId: D, tableId, key: "n", size: 20, required: false });
  await admin.createIntegerColumn({ databaseId: D, tableId, key: "c", required: false });
}

describe("table-level permissions (rowSecurity off)", () => {
  const T = "tl";
  beforeAll(() => table(T, [Permission.read(Role.users()), Permission.create(Role.users())], false));

  it("create needs table create; a session's row gets read/update/delete for its user", async () => {
    const row = await as(alice).createRow({ databaseId: D, tableId: T, rowId: "a1", data: { n: "a" } });
    expect(row.$permissions).toEqual([
      `read("user:${alice.userId}")`,
      `update("user:${alice.userId}")`,
      `delete("user:${alice.userId}")`,
    ]);
    expect(
      await appwriteError(() => guest.createRow({ databaseId: D, tableId: T, rowId: "g1", data: { n: "g" } })),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    const keyRow = await admin.createRow({ databaseId: D, tableId: T, rowId: "k1", data: { n: "k" } });
    expect(keyRow.$permissions).toEqual([]);
  });

  it("sessions cannot set $createdAt/$updatedAt (only API keys can)", async () => {
    const row = await as(alice).createRow({
      databaseId: D,
      tableId: T,
      rowId: "dated",
      data: { n: "d", $createdAt: "2001-01-01T00:00:00.000+00:00" },
    });
    expect(row.$createdAt.startsWith("2001")).toBe(false);
    await admin.deleteRow({ databaseId: D, tableId: T, rowId: "dated" });
  });

  it("reads follow the table; row permissions are ignored without row security", async () => {
    expect((await as(bob).listRows({ databaseId: D, tableId: T })).total).toBe(2);
    expect(await as(bob).getRow({ databaseId: D, tableId: T, rowId: "a1" })).toMatchObject({ n: "a" });
    expect(await appwriteError(() => guest.listRows({ databaseId: D, tableId: T }))).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    expect(await appwriteError(() => guest.getRow({ databaseId: D, tableId: T, rowId: "a1" }))).toMatchObject({
      code: 404,
      type: "row_not_found",
    });
    // Alice's own row permissions do not count: the table grants no update.
    expect(
      await appwriteError(() => as(alice).updateRow({ databaseId: D, tableId: T, rowId: "a1", data: { n: "z" } })),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    expect(await appwriteError(() => as(alice).deleteRow({ databaseId: D, tableId: T, rowId: "a1" }))).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
  });

  it("a table nobody may read: list is 401 even for sessions", async () => {
    await table("noread", [Permission.create(Role.users())], false);
    expect(await appwriteError(() => as(alice).listRows({ databaseId: D, tableId: "noread" }))).toEqual({
      code: 401,
      type: "user_unauthorized",
      message: "No permissions provided for action 'read'",
    });
  });
});

describe("row security", () => {
  const T = "rs";
  beforeAll(async () => {
    await table(T, [Permission.create(Role.users())], true);
    for (let i = 0; i < 6; i++)
      await as(alice).createRow({ databaseId: D, tableId: T, rowId: `a${i}`, data: { n: `a${i}`, c: i } });
    for (let i = 0; i < 3; i++)
      await as(bob).createRow({ databaseId: D, tableId: T, rowId: `b${i}`, data: { n: `b${i}`, c: i } });
    await admin.createRow({
      databaseId: D,
      tableId: T,
      rowId: "public",
      data: { n: "public", c: 100 },
      permissions: [Permission.read(Role.any())],
    });
    await admin.createRow({
      databaseId: D,
      tableId: T,
      rowId: "staff",
      data: { n: "staff", c: 200 },
      permissions: [Permission.read(Role.label("therapist"))],
    });
    await admin.createRow({
      databaseId: D,
      tableId: T,
      rowId: "shared",
      data: { n: "shared", c: 300 },
      permissions: [Permission.read(Role.user(bob.userId)), Permission.update(Role.user(carol.userId))],
    });
  });

  it("lists only readable rows, with totals and pages computed after filtering", async () => {
    const mine = await as(alice).listRows({ databaseId: D, tableId: T, queries: [Query.limit(3)] });
    expect(mine.total).toBe(7);
    expect(mine.rows.map((r) => r.$id)).toEqual(["a0", "a1", "a2"]);
    const next = await as(alice).listRows({
      databaseId: D,
      tableId: T,
      queries: [Query.limit(3), Query.cursorAfter("a2")],
    });
    expect(next.rows.map((r) => r.$id)).toEqual(["a3", "a4", "a5"]);
    const last = await as(alice).listRows({ databaseId: D, tableId: T, queries: [Query.limit(3), Query.offset(6)] });
    expect(last.rows.map((r) => r.$id)).toEqual(["public"]);
    expect((await as(alice).listRows({ databaseId: D, tableId: T, queries: [Query.greaterThan("c", 3)] })).total).toBe(
      3,
    );

    const bobs = await as(bob).listRows({ databaseId: D, tableId: T });
    expect(bobs.rows.map((r) => r.$id)).toEqual(["b0", "b1", "b2", "public", "shared"]);
    expect((await as(carol).listRows({ databaseId: D, tableId: T })).rows.map((r) => r.$id)).toEqual([
      "public",
      "staff",
    ]);
    expect((await guest.listRows({ databaseId: D, tableId: T })).rows.map((r) => r.$id)).toEqual(["public"]);
    expect((await admin.listRows({ databaseId: D, tableId: T })).total).toBe(12);
  });

  it("the cursor row is found even when the caller cannot read it", async () => {
    const page = await as(bob).listRows({ databaseId: D, tableId: T, queries: [Query.cursorAfter("a3")] });
    expect(page.rows.map((r) => r.$id)).toEqual(["b0", "b1", "b2", "public", "shared"]);
  });

  it("unreadable rows are 404 on get; writes without permission are 401", async () => {
    expect(await appwriteError(() => as(bob).getRow({ databaseId: D, tableId: T, rowId: "a0" }))).toMatchObject({
      code: 404,
      type: "row_not_found",
    });
    expect(
      await appwriteError(() => as(bob).updateRow({ databaseId: D, tableId: T, rowId: "a0", data: { n: "x" } })),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    expect(await appwriteError(() => as(bob).deleteRow({ databaseId: D, tableId: T, rowId: "a0" }))).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    expect(
      await appwriteError(() => as(bob).incrementRowColumn({ databaseId: D, tableId: T, rowId: "a0", column: "c" })),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    const own = await as(alice).updateRow({ databaseId: D, tableId: T, rowId: "a0", data: { n: "mine" } });
    expect(own.n).toBe("mine");
  });

  it("a no-op update needs only read; a real change needs update", async () => {
    const same = await as(bob).updateRow({ databaseId: D, tableId: T, rowId: "shared", data: { n: "shared" } });
    expect(same.n).toBe("shared");
    expect(
      await appwriteError(() =>
        as(bob).updateRow({ databaseId: D, tableId: T, rowId: "shared", data: { n: "changed" } }),
      ),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
  });

  it("increment needs update but not read", async () => {
    expect(await appwriteError(() => as(carol).getRow({ databaseId: D, tableId: T, rowId: "shared" }))).toMatchObject({
      code: 404,
    });
    const bumped = await as(carol).incrementRowColumn({
      databaseId: D,
      tableId: T,
      rowId: "shared",
      column: "c",
      value: 5,
    });
    expect(bumped.c).toBe(305);
  });

  it("callers may only grant roles they hold", async () => {
    const denied = await appwriteError(() =>
      as(alice).createRow({
        databaseId: D,
        tableId: T,
        rowId: ID.unique(),
        data: { n: "x" },
        permissions: [Permission.read(Role.user(bob.userId))],
      }),
    );
    expect(denied.code).toBe(401);
    expect(denied.type).toBe("user_unauthorized");
    expect(denied.message).toMatch(/^Permissions must be one of: \(.*any.*\)$/);
    const shared = await as(alice).createRow({
      databaseId: D,
      tableId: T,
      rowId: "alice-public",
      data: { n: "x" },
      permissions: [Permission.read(Role.any()), Permission.write(Role.user(alice.userId))],
    });
    expect(shared.$permissions).toEqual([
      'read("any")',
      `update("user:${alice.userId}")`,
      `delete("user:${alice.userId}")`,
    ]);
    expect(
      await appwriteError(() =>
        as(alice).updateRow({
          databaseId: D,
          tableId: T,
          rowId: "alice-public",
          permissions: [Permission.read(Role.team("t1"))],
        }),
      ),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    await as(alice).deleteRow({ databaseId: D, tableId: T, rowId: "alice-public" });
  });

  it("upsert: create needs table create, update needs update permission", async () => {
    const created = await as(bob).upsertRow({ databaseId: D, tableId: T, rowId: "bob-up", data: { n: "up" } });
    expect(created.$permissions).toContain(`update("user:${bob.userId}")`);
    expect((await as(bob).upsertRow({ databaseId: D, tableId: T, rowId: "bob-up", data: { n: "up2" } })).n).toBe("up2");
    expect(
      await appwriteError(() =>
        as(alice).upsertRow({ databaseId: D, tableId: T, rowId: "bob-up", data: { n: "steal" } }),
      ),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    expect(
      await appwriteError(() => guest.upsertRow({ databaseId: D, tableId: T, rowId: "guest-up", data: { n: "g" } })),
    ).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
  });
});

describe("scopes and disabled resources for sessions", () => {
  it("sessions cannot manage databases or call bulk routes", async () => {
    expect(await appwriteError(() => as(alice).get({ databaseId: D }))).toMatchObject({
      code: 401,
      type: "general_unauthorized_scope",
    });
    expect(await appwriteError(() => as(alice).listTables({ databaseId: D }))).toMatchObject({
      code: 401,
      type: "general_unauthorized_scope",
    });
    expect(
      await appwriteError(() => as(alice).createRows({ databaseId: D, tableId: "rs", rows: [{ n: "x" }] })),
    ).toMatchObject({
      code: 401,
      type: "general_unauthorized_scope",
    });
    expect(await appwriteError(() => as(alice).deleteRows({ databaseId: D, tableId: "rs" }))).toMatchObject({
      code: 401,
      type: "general_unauthorized_scope",
    });
  });

  it("a disabled database is 404 for sessions, visible to the key", async () => {
    await admin.create({ databaseId: "off", name: "Off", enabled: false });
    await admin.createTable({ databaseId: "off", tableId: "t", name: "T", permissions: [Permission.read(Role.any())] });
    expect(await appwriteError(() => as(alice).listRows({ databaseId: "off", tableId: "t" }))).toMatchObject({
      code: 404,
      type: "database_not_found",
    });
    expect((await admin.listRows({ databaseId: "off", tableId: "t" })).total).toBe(0);
  });
});
