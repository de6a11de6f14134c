// Contract: databases and tables through node-appwrite's TablesDB service, including scope errors for non-key callers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ID, Permission, Query, Role, TablesDB } from "node-appwrite";
import { appwriteError, startTestServer, type TestServer } from "./helpers/server.ts";

let t: TestServer;
let admin: TablesDB;

beforeAll(async () => {
  t = await startTestServer();
  admin = new TablesDB(t.adminClient());
});
afterAll(() => t.close());

describe("databases", () => {
  it("create, get, list, update, delete", async () => {
    const created = await admin.create({ databaseId: "shop", name: "Shop" });
    expect(created).toMatchObject({ $id: "shop", name: "Shop", enabled: true, type: "tablesdb" });
    expect(created.$createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    expect(await admin.get({ databaseId: "shop" })).toMatchObject({ $id: "shop", name: "Shop" });

    const generated = await admin.create({ databaseId: "unique()", name: "Other", enabled: false });
    expect(generated.$id).toMatch(/^[0-9a-f]{20}$/);
    expect(generated.enabled).toBe(false);

    const list = await admin.list();
    expect(list.total).toBe(2);
    expect(list.databases.map((d) => d.$id)).toEqual(["shop", generated.$id]);
    expect((await admin.list({ queries: [Query.equal("name", "Other")] })).databases.map((d) => d.$id)).toEqual([
      generated.$id,
    ]);
    expect((await admin.list({ search: "sho" })).total).toBe(1);
    expect((await admin.list({ queries: [Query.limit(1)] })).databases).toHaveLength(1);
    expect((await admin.list({ total: false })).total).toBe(0);

    const updated = await admin.update({ databaseId: "shop", name: "Shop 2", enabled: true });
    expect(updated.name).toBe("Shop 2");
    await admin.delete({ databaseId: generated.$id });
    const e = await appwriteError(() => admin.get({ databaseId: generated.$id }));
    expect(e).toMatchObject({ code: 404, type: "database_not_found" });
  });

  it("rejects duplicates and bad IDs", async () => {
    await admin.create({ databaseId: "dup", name: "Dup" });
    expect(await appwriteError(() => admin.create({ databaseId: "dup", name: "Dup" }))).toMatchObject({
      code: 409,
      type: "database_already_exists",
    });
    expect(await appwriteError(() => admin.create({ databaseId: "_bad", name: "Bad" }))).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
    });
    expect(await appwriteError(() => admin.create({ databaseId: "x".repeat(37), name: "Long" }))).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
    });
  });
});

describe("tables", () => {
  beforeAll(async () => {
    await admin.create({ databaseId: "app", name: "App" });
  });

  it("create with defaults, permissions aggregated, get, list, update, delete", async () => {
    const table = await admin.createTable({
      databaseId: "app",
      tableId: "notes",
      name: "Notes",
      permissions: [Permission.read(Role.any()), Permission.write(Role.users())],
    });
    expect(table).toMatchObject({
      $id: "notes",
      databaseId: "app",
      name: "Notes",
      enabled: true,
      rowSecurity: false,
      columns: [],
      indexes: [],
    });
    expect(table.$permissions).toEqual(['read("any")', 'create("users")', 'update("users")', 'delete("users")']);

    expect(await admin.getTable({ databaseId: "app", tableId: "notes" })).toMatchObject({
      $id: "notes",
      name: "Notes",
    });
    await admin.createTable({
      databaseId: "app",
      tableId: ID.unique(),
      name: "Second",
      rowSecurity: true,
      enabled: false,
    });
    const list = await admin.listTables({ databaseId: "app" });
    expect(list.total).toBe(2);
    expect(
      (await admin.listTables({ databaseId: "app", queries: [Query.equal("rowSecurity", true)] })).tables.map(
        (x) => x.name,
      ),
    ).toEqual(["Second"]);

    const updated = await admin.updateTable({
      databaseId: "app",
      tableId: "notes",
      name: "Notes!",
      rowSecurity: true,
      permissions: [Permission.read(Role.users())],
    });
    expect(updated).toMatchObject({ name: "Notes!", rowSecurity: true, $permissions: ['read("users")'] });
    const kept = await admin.updateTable({ databaseId: "app", tableId: "notes", name: "Notes" });
    expect(kept.$permissions).toEqual(['read("users")']);

    await admin.deleteTable({ databaseId: "app", tableId: "notes" });
    expect(await appwriteError(() => admin.getTable({ databaseId: "app", tableId: "notes" }))).toMatchObject({
      code: 404,
      type: "table_not_found",
    });
  });

  it("creates columns and indexes inline", async () => {
    const table = await admin.createTable({
      databaseId: "app",
      tableId: "inline",
      name: "Inline",
      columns: [
        { key: "title", type: "varchar", size: 64, required: true },
        { key: "score", type: "integer", required: false, min: 0, max: 10 },
        { key: "ratio", type: "double", required: false },
        { key: "email", type: "string", format: "email", required: false },
      ],
      indexes: [{ key: "by_title", type: "unique", attributes: ["title"] }],
    });
    expect(table.columns.map((c) => [c.key, c.type])).toEqual([
      ["title", "varchar"],
      ["score", "integer"],
      ["ratio", "double"],
      ["email", "string"],
    ]);
    expect(table.indexes).toMatchObject([{ key: "by_title", type: "unique", columns: ["title"], status: "available" }]);
    const row = await admin.createRow({
      databaseId: "app",
      tableId: "inline",
      rowId: "r1",
      data: { title: "hello", score: 3 },
    });
    expect(row).toMatchObject({ title: "hello", score: 3, ratio: null, email: null });
    expect(
      await appwriteError(() =>
        admin.createRow({ databaseId: "app", tableId: "inline", rowId: "r2", data: { title: "hello" } }),
      ),
    ).toMatchObject({
      code: 409,
      type: "row_unique_constraint_violation",
    });
  });

  it("rejects a duplicate table and a missing database", async () => {
    await admin.createTable({ databaseId: "app", tableId: "once", name: "Once" });
    expect(
      await appwriteError(() => admin.createTable({ databaseId: "app", tableId: "once", name: "Once" })),
    ).toMatchObject({ code: 409, type: "table_already_exists" });
    expect(await appwriteError(() => admin.createTable({ databaseId: "nope", tableId: "x", name: "X" }))).toMatchObject(
      { code: 404, type: "database_not_found" },
    );
    expect(
      await appwriteError(() =>
        admin.createTable({ databaseId: "app", tableId: "p", name: "P", permissions: ['read("nobody")'] }),
      ),
    ).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
    });
  });
});

describe("scopes", () => {
  it("sessions-less callers cannot manage databases, tables, columns or indexes", async () => {
    const guest = new TablesDB(t.guestClient());
    const calls: Array<() => Promise<unknown>> = [
      () => guest.list(),
      () => guest.get({ databaseId: "app" }),
      () => guest.create({ databaseId: "g", name: "G" }),
      () => guest.listTables({ databaseId: "app" }),
      () => guest.getTable({ databaseId: "app", tableId: "inline" }),
      () => guest.createTable({ databaseId: "app", tableId: "g", name: "G" }),
      () => guest.listColumns({ databaseId: "app", tableId: "inline" }),
      () => guest.createBooleanColumn({ databaseId: "app", tableId: "inline", key: "b", required: false }),
      () => guest.listIndexes({ databaseId: "app", tableId: "inline" }),
      () =>
        guest.createIndex({ databaseId: "app", tableId: "inline", key: "i", type: "key" as never, columns: ["title"] }),
    ];
    for (const call of calls) {
      expect(await appwriteError(call)).toMatchObject({ code: 401, type: "general_unauthorized_scope" });
    }
    const e = await appwriteError(() => guest.get({ databaseId: "app" }));
    expect(e.message).toBe('User (role: guests) missing scopes (["databases.read"])');
  });

  it("a wrong project is 404 project_not_found", async () => {
    const client = t.adminClient().setProject("other");
    expect(await appwriteError(() => new TablesDB(client).list())).toMatchObject({
      code: 404,
      type: "project_not_found",
    });
  });
});
