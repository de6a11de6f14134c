// Contract: row create/get/update/upsert/delete, validation errors with Appwrite's messages, write-time rules,
// bulk routes and realtime events, all through node-appwrite with an API key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ID, Permission, Query, Role, TablesDB } from "node-appwrite";
import type { RealtimeEvent } from "../src/events.ts";
import { appwriteError, startTestServer, type TestServer } from "./helpers/server.ts";

let t: TestServer;
let db: TablesDB;
const D = "main";
const T = "people";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

beforeAll(async () => {
  t = await startTestServer();
  db = new TablesDB(t.adminClient());
  await db.create({ databaseId: D, name: "Main" });
  await db.createTable({ databaseId: D, tableId: T, name: "People", permissions: [Permission.read(Role.any())] });
  await db.createVarcharColumn({ databaseId: D, tableId: T, key: "name", size: 10, required: true });
  await db.createIntegerColumn({ databaseId: D, tableId: T, key: "age", required: false, min: 0, max: 150 });
  await db.createFloatColumn({ databaseId: D, tableId: T, key: "score", required: false });
  await db.createBooleanColumn({ databaseId: D, tableId: T, key: "active", required: false });
  await db.createDatetimeColumn({ databaseId: D, tableId: T, key: "born", required: false });
  await db.createEmailColumn({ databaseId: D, tableId: T, key: "email", required: false });
  await db.createEnumColumn({ databaseId: D, tableId: T, key: "kind", elements: ["a", "b"], required: false });
  await db.createUrlColumn({ databaseId: D, tableId: T, key: "site", required: false });
  await db.createIpColumn({ databaseId: D, tableId: T, key: "ip", required: false });
  await db.createStringColumn({ databaseId: D, tableId: T, key: "tags", size: 5, required: false, array: true });
  await db.createBigIntColumn({ databaseId: D, tableId: T, key: "big", required: false });
});
afterAll(() => t.close());

describe("create and get", () => {
  it("returns the Row model with system fields first and every column", async () => {
    const row = await db.createRow({
      databaseId: D,
      tableId: T,
      rowId: "ann",
      data: { name: "Ann", age: 30, active: true, tags: ["x", "y"], born: "2000-01-02" },
    });
    expect(Object.keys(row)).toEqual([
      "$id",
      "$sequence",
      "$tableId",
      "$databaseId",
      "$createdAt",
      "$updatedAt",
      "$permissions",
      "name",
      "age",
      "score",
      "active",
      "born",
      "email",
      "kind",
      "site",
      "ip",
      "tags",
      "big",
    ]);
    expect(row).toMatchObject({
      $id: "ann",
      $tableId: T,
      $databaseId: D,
      $permissions: [],
      name: "Ann",
      age: 30,
      score: null,
      active: true,
      tags: ["x", "y"],
    });
    expect(typeof row.$sequence).toBe("string");
    expect(row.$createdAt).toMatch(ISO);
    expect(row.$updatedAt).toBe(row.$createdAt);
    expect(row.born).toBe("2000-01-02T00:00:00.000+00:00");
    expect(await db.getRow({ databaseId: D, tableId: T, rowId: "ann" })).toEqual(row);
  });

  it("generates IDs for unique() and keeps sequences increasing", async () => {
    const a = await db.createRow({ databaseId: D, tableId: T, rowId: "unique()", data: { name: "A" } });
    const b = await db.createRow({ databaseId: D, tableId: T, rowId: ID.unique(), data: { name: "B" } });
    expect(a.$id).toMatch(/^[0-9a-f]{20}$/);
    expect(Number(b.$sequence)).toBe(Number(a.$sequence) + 1);
  });

  it("select returns system fields and the chosen columns only", async () => {
    const row = await db.getRow({ databaseId: D, tableId: T, rowId: "ann", queries: [Query.select(["name"])] });
    expect(Object.keys(row).sort()).toEqual([
      "$createdAt",
      "$databaseId",
      "$id",
      "$permissions",
      "$sequence",
      "$tableId",
      "$updatedAt",
      "name",
    ]);
    expect(
      await appwriteError(() =>
        db.getRow({ databaseId: D, tableId: T, rowId: "ann", queries: [Query.select(["nope"])] }),
      ),
    ).toMatchObject({
      code: 400,
      type: "general_query_invalid",
      message: "Invalid query: Attribute not found in schema: nope",
    });
    expect(
      await appwriteError(() =>
        db.getRow({ databaseId: D, tableId: T, rowId: "ann", queries: [Query.equal("name", "Ann")] }),
      ),
    ).toMatchObject({
      code: 400,
      type: "general_query_invalid",
    });
  });

  it("keeps 64-bit integers exact", async () => {
    const big = 2n ** 62n + 7n;
    const row = await db.createRow({ databaseId: D, tableId: T, rowId: "big", data: { name: "Big", big } });
    expect(row.big).toBe(big);
    expect((await db.getRow({ databaseId: D, tableId: T, rowId: "big" })).big).toBe(big);
    const found = await db.listRows({
      databaseId: D,
      tableId: T,
      queries: [Query.equal("big", big as unknown as number)],
    });
    expect(found.rows.map((r) => r.$id)).toEqual(["big"]);
  });

  it("404s a missing row, table or database", async () => {
    expect(await appwriteError(() => db.getRow({ databaseId: D, tableId: T, rowId: "missing" }))).toMatchObject({
      code: 404,
      type: "row_not_found",
      message: "Row with the requested ID 'missing' could not be found.",
    });
    expect(await appwriteError(() => db.getRow({ databaseId: D, tableId: "nope", rowId: "x" }))).toMatchObject({
      code: 404,
      type: "table_not_found",
    });
    expect(await appwriteError(() => db.getRow({ databaseId: "nope", tableId: T, rowId: "x" }))).toMatchObject({
      code: 404,
      type: "database_not_found",
    });
  });
});

describe("validation", () => {
  const create = (data: Record<string, unknown>, rowId = ID.unique()) =>
    appwriteError(() => db.createRow({ databaseId: D, tableId: T, rowId, data }));

  it("uses Appwrite's structure messages", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ age: 1 }, 'Missing required attribute "name"'],
      [{ name: "x", foo: 1 }, 'Unknown attribute: "foo"'],
      [{ name: "x", $foo: 1 }, 'Unknown attribute: "$foo"'],
      [
        { name: "x", age: "1" },
        'Attribute "age" has invalid format. Value must be a valid signed 32-bit integer between -2,147,483,648 and 2,147,483,647',
      ],
      [{ name: "x", age: 200 }, 'Attribute "age" has invalid format. Value must be a valid range between 0 and 150'],
      [
        { name: "x", age: 1.5 },
        'Attribute "age" has invalid format. Value must be a valid signed 32-bit integer between -2,147,483,648 and 2,147,483,647',
      ],
      [
        { name: "much too long" },
        'Attribute "name" has invalid type. Value must be a valid string and no longer than 10 chars',
      ],
      [{ name: 5 }, 'Attribute "name" has invalid type. Value must be a valid string and no longer than 10 chars'],
      [{ name: "x", active: "yes" }, 'Attribute "active" has invalid type. Value must be a valid boolean'],
      [{ name: "x", score: "1" }, 'Attribute "score" has invalid format. Value must be a valid float'],
      [{ name: "x", email: "nope" }, 'Attribute "email" has invalid format. Value must be a valid email address'],
      [{ name: "x", kind: "c" }, 'Attribute "kind" has invalid format. Value must be one of (a, b)'],
      [{ name: "x", site: "not a url" }, 'Attribute "site" has invalid format. Value must be a valid URL'],
      [{ name: "x", ip: "1.2.3" }, 'Attribute "ip" has invalid format. Value must be a valid IP address'],
      [
        { name: "x", born: "yesterday-ish" },
        'Attribute "born" has invalid type. Value must be valid date between 0000-01-01 00:00:00 and 9999-12-31 00:00:00.',
      ],
      [{ name: "x", tags: "a" }, 'Attribute "tags" must be an array'],
      [
        { name: "x", tags: ["ok", "toolong"] },
        "Attribute \"tags['1']\" has invalid type. Value must be a valid string and no longer than 5 chars",
      ],
    ];
    for (const [data, detail] of cases) {
      expect(await create(data)).toEqual({
        code: 400,
        type: "row_invalid_structure",
        message: `Invalid document structure: ${detail}`,
      });
    }
  });

  it("accepts valid formatted values", async () => {
    const row = await db.createRow({
      databaseId: D,
      tableId: T,
      rowId: "fmt",
      data: {
        name: "F",
        email: "a@b.co",
        kind: "b",
        site: "https://example.com/x",
        ip: "::1",
        score: 2,
        born: "2024-03-04T05:06:07.891+02:00",
      },
    });
    expect(row).toMatchObject({ email: "a@b.co", kind: "b", score: 2, born: "2024-03-04T03:06:07.891+00:00" });
  });

  it("missing data, missing row ID, duplicate ID, bad ID", async () => {
    expect(await create({})).toMatchObject({ code: 400, type: "row_missing_data" });
    expect(
      await appwriteError(() => db.createRow({ databaseId: D, tableId: T, rowId: "", data: { name: "x" } })),
    ).toMatchObject({ code: 400, type: "row_missing_data" });
    expect(await create({ name: "x" }, "ann")).toEqual({
      code: 409,
      type: "row_already_exists",
      message:
        "Row with the requested ID 'ann' already exists. Try again with a different ID or use ID.unique() to generate a unique ID.",
    });
    expect(await create({ name: "x" }, "-bad")).toMatchObject({ code: 400, type: "general_argument_invalid" });
    expect(
      await appwriteError(() =>
        db.createRow({ databaseId: D, tableId: T, rowId: "p1", data: { name: "x" }, permissions: ['create("any")'] }),
      ),
    ).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
    });
  });
});

describe("write-time behaviour", () => {
  it("ignores $id/$sequence/$tableId/$databaseId in data; honours $createdAt/$updatedAt for the API key", async () => {
    const row = await db.createRow({
      databaseId: D,
      tableId: T,
      rowId: "dates",
      data: {
        name: "D",
        $id: "other",
        $sequence: "999",
        $tableId: "x",
        $databaseId: "y",
        $createdAt: "2020-01-01T00:00:00.000+00:00",
        $updatedAt: "2021-01-01T00:00:00.000+00:00",
      },
    });
    expect(row).toMatchObject({
      $id: "dates",
      $tableId: T,
      $databaseId: D,
      $createdAt: "2020-01-01T00:00:00.000+00:00",
      $updatedAt: "2021-01-01T00:00:00.000+00:00",
    });
    expect(row.$sequence).not.toBe("999");
  });

  it("a no-op update leaves $updatedAt; a real one moves it; permissions null keeps them", async () => {
    const created = await db.createRow({
      databaseId: D,
      tableId: T,
      rowId: "noop",
      data: { name: "N", age: 1 },
      permissions: [Permission.read(Role.users())],
    });
    await new Promise((r) => setTimeout(r, 5));
    const same = await db.updateRow({ databaseId: D, tableId: T, rowId: "noop", data: { name: "N" } });
    expect(same.$updatedAt).toBe(created.$updatedAt);
    const changed = await db.updateRow({ databaseId: D, tableId: T, rowId: "noop", data: { age: 2 } });
    expect(changed.$updatedAt > created.$updatedAt).toBe(true);
    expect(changed).toMatchObject({ name: "N", age: 2, $permissions: ['read("users")'] });
    const perms = await db.updateRow({
      databaseId: D,
      tableId: T,
      rowId: "noop",
      permissions: [Permission.write(Role.any())],
    });
    expect(perms.$permissions).toEqual(['update("any")', 'delete("any")']);
    expect(await appwriteError(() => db.updateRow({ databaseId: D, tableId: T, rowId: "noop" }))).toMatchObject({
      code: 400,
      type: "row_missing_payload",
    });
    expect(
      await appwriteError(() => db.updateRow({ databaseId: D, tableId: T, rowId: "ghost", data: { age: 1 } })),
    ).toMatchObject({ code: 404, type: "row_not_found" });
    const cleared = await db.updateRow({ databaseId: D, tableId: T, rowId: "noop", data: { age: null } });
    expect(cleared.age).toBeNull();
  });

  it("upsert answers 200 for create and update; existing optional columns are kept", async () => {
    const created = await db.upsertRow({ databaseId: D, tableId: T, rowId: "up", data: { name: "U", age: 5 } });
    expect(created).toMatchObject({ $id: "up", name: "U", age: 5 });
    const updated = await db.upsertRow({ databaseId: D, tableId: T, rowId: "up", data: { name: "U2" } });
    expect(updated).toMatchObject({ name: "U2", age: 5 });
    expect(updated.$sequence).toBe(created.$sequence);
    expect(
      await appwriteError(() => db.upsertRow({ databaseId: D, tableId: T, rowId: "up", data: { age: 6 } })),
    ).toMatchObject({
      code: 400,
      type: "row_invalid_structure",
      message: 'Invalid document structure: Missing required attribute "name"',
    });
  });

  it("delete answers 204 and the row is gone", async () => {
    await db.createRow({ databaseId: D, tableId: T, rowId: "del", data: { name: "Del" } });
    const result = await db.deleteRow({ databaseId: D, tableId: T, rowId: "del" });
    expect(result).toEqual({ message: "" });
    expect(await appwriteError(() => db.getRow({ databaseId: D, tableId: T, rowId: "del" }))).toMatchObject({
      code: 404,
    });
    expect(await appwriteError(() => db.deleteRow({ databaseId: D, tableId: T, rowId: "del" }))).toMatchObject({
      code: 404,
      type: "row_not_found",
    });
  });

  it("a disabled table is hidden from non-key callers but not from the key", async () => {
    await db.createTable({
      databaseId: D,
      tableId: "off",
      name: "Off",
      enabled: false,
      permissions: [Permission.read(Role.any()), Permission.create(Role.any())],
    });
    await db.createVarcharColumn({ databaseId: D, tableId: "off", key: "n", size: 5, required: false });
    await db.createRow({ databaseId: D, tableId: "off", rowId: "r", data: { n: "x" } });
    const guest = new TablesDB(t.guestClient());
    expect(await appwriteError(() => guest.getRow({ databaseId: D, tableId: "off", rowId: "r" }))).toMatchObject({
      code: 404,
      type: "table_not_found",
    });
    expect((await db.listRows({ databaseId: D, tableId: "off" })).total).toBe(1);
  });
});

describe("bulk", () => {
  it("create, upsert, update and delete many rows with the API key", async () => {
    await db.createTable({ databaseId: D, tableId: "bulk", name: "Bulk" });
    await db.createVarcharColumn({ databaseId: D, tableId: "bulk", key: "n", size: 10, required: true });
    await db.createIntegerColumn({ databaseId: D, tableId: "bulk", key: "v", required: false });
    const created = await db.createRows({
      databaseId: D,
      tableId: "bulk",
      rows: [
        { $id: "a", n: "a", v: 1 },
        { $id: "b", n: "b", v: 2 },
        { n: "c", v: 3, $permissions: [Permission.read(Role.any())] },
      ],
    });
    expect(created.total).toBe(3);
    expect(created.rows.map((r) => r.n)).toEqual(["a", "b", "c"]);
    expect(created.rows[2]?.$permissions).toEqual(['read("any")']);

    const upserted = await db.upsertRows({
      databaseId: D,
      tableId: "bulk",
      rows: [
        { $id: "a", n: "a2" },
        { $id: "d", n: "d", v: 4 },
      ],
    });
    expect(upserted.total).toBe(2);
    expect((await db.getRow({ databaseId: D, tableId: "bulk", rowId: "a" })).n).toBe("a2");

    const updated = await db.updateRows({
      databaseId: D,
      tableId: "bulk",
      data: { v: 10 },
      queries: [Query.greaterThan("v", 2)],
    });
    expect(updated.total).toBe(2);
    expect((await db.listRows({ databaseId: D, tableId: "bulk", queries: [Query.equal("v", 10)] })).total).toBe(2);

    const deleted = await db.deleteRows({ databaseId: D, tableId: "bulk", queries: [Query.equal("v", 10)] });
    expect(deleted.total).toBe(2);
    expect((await db.listRows({ databaseId: D, tableId: "bulk" })).total).toBe(2);

    expect(
      await appwriteError(() => db.createRows({ databaseId: D, tableId: "bulk", rows: [{ $id: "a", n: "dup" }] })),
    ).toMatchObject({ code: 409, type: "row_already_exists" });
    expect(
      await appwriteError(() =>
        db.createRows({ databaseId: D, tableId: "bulk", rows: [{ $id: "z", n: "ok" }, { $id: "y" }] }),
      ),
    ).toMatchObject({ code: 400, type: "row_invalid_structure" });
    // The failing batch is all-or-nothing.
    expect(await appwriteError(() => db.getRow({ databaseId: D, tableId: "bulk", rowId: "z" }))).toMatchObject({
      code: 404,
    });
  });

  it("is API-key only", async () => {
    const guest = new TablesDB(t.guestClient());
    for (const call of [
      () => guest.createRows({ databaseId: D, tableId: "bulk", rows: [{ n: "x" }] }),
      () => guest.upsertRows({ databaseId: D, tableId: "bulk", rows: [{ n: "x" }] }),
      () => guest.updateRows({ databaseId: D, tableId: "bulk", data: { v: 1 } }),
      () => guest.deleteRows({ databaseId: D, tableId: "bulk" }),
    ]) {
      expect(await appwriteError(call)).toMatchObject({ code: 401, type: "general_unauthorized_scope" });
    }
  });
});

describe("realtime events", () => {
  it("publishes create/update/upsert/delete with names, channels, roles and payload after commit", async () => {
    await db.createTable({
      databaseId: D,
      tableId: "ev",
      name: "Ev",
      permissions: [Permission.read(Role.users())],
      rowSecurity: true,
    });
    await db.createVarcharColumn({ databaseId: D, tableId: "ev", key: "n", size: 10, required: false });
    await db.createIntegerColumn({ databaseId: D, tableId: "ev", key: "c", required: false });
    const seen: RealtimeEvent[] = [];
    const off = t.server.app.bus.subscribe((e) => seen.push(e));
    await db.createRow({
      databaseId: D,
      tableId: "ev",
      rowId: "e1",
      data: { n: "x", c: 0 },
      permissions: [Permission.read(Role.user("u1"))],
    });
    await db.updateRow({ databaseId: D, tableId: "ev", rowId: "e1", data: { n: "y" } });
    await db.incrementRowColumn({ databaseId: D, tableId: "ev", rowId: "e1", column: "c" });
    await db.upsertRow({ databaseId: D, tableId: "ev", rowId: "e1", data: { n: "z" } });
    await db.deleteRow({ databaseId: D, tableId: "ev", rowId: "e1" });
    await appwriteError(() => db.createRow({ databaseId: D, tableId: "ev", rowId: "bad", data: { nope: 1 } }));
    off();
    expect(seen.map((e) => e.events[0])).toEqual([
      "tablesdb.main.tables.ev.rows.e1.create",
      "tablesdb.main.tables.ev.rows.e1.update",
      "tablesdb.main.tables.ev.rows.e1.update",
      "tablesdb.main.tables.ev.rows.e1.upsert",
      "tablesdb.main.tables.ev.rows.e1.delete",
    ]);
    const first = seen[0]!;
    expect(first.events).toHaveLength(64);
    expect(first.channels).toHaveLength(16);
    expect(first.channels).toContain("tablesdb.main.tables.ev.rows.e1.create");
    expect(first.roles).toEqual(["users", "user:u1"]);
    expect(first.payload).toMatchObject({ $id: "e1", n: "x", c: 0, $tableId: "ev", $databaseId: D });
    expect(seen[2]!.payload).toMatchObject({ c: 1 });
    expect(seen[4]!.payload).toMatchObject({ $id: "e1", n: "z" });
  });
});
