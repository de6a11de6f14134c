// Contract: columns (every supported type, 202/processing then available, update, rename, delete, existing rows)
// and indexes (key/unique/fulltext, 202, failed builds, delete) through node-appwrite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query, TablesDB } from "node-appwrite";
import { appwriteError, startTestServer, type TestServer } from "./helpers/server.ts";

let t: TestServer;
let db: TablesDB;
const D = "main";

beforeAll(async () => {
  t = await startTestServer();
  db = new TablesDB(t.adminClient());
  await db.create({ databaseId: D, name: "Main" });
});
afterAll(() => t.close());

describe("columns", () => {
  const T = "types";
  beforeAll(async () => {
    await db.createTable({ databaseId: D, tableId: T, name: "Types" });
  });

  it("create every type: 202 processing, then available, reported as Appwrite reports them", async () => {
    const created = [
      await db.createStringColumn({ databaseId: D, tableId: T, key: "s", size: 10, required: false, xdefault: "dflt" }),
      await db.createVarcharColumn({ databaseId: D, tableId: T, key: "v", size: 20, required: true }),
      await db.createTextColumn({ databaseId: D, tableId: T, key: "tx", required: false }),
      await db.createMediumtextColumn({ databaseId: D, tableId: T, key: "mt", required: false }),
      await db.createLongtextColumn({ databaseId: D, tableId: T, key: "lt", required: false }),
      await db.createIntegerColumn({
        databaseId: D,
        tableId: T,
        key: "i",
        required: false,
        min: 1,
        max: 100,
        xdefault: 5,
      }),
      await db.createBigIntColumn({ databaseId: D, tableId: T, key: "bi", required: false }),
      await db.createFloatColumn({ databaseId: D, tableId: T, key: "f", required: false, min: 0, max: 1.5 }),
      await db.createBooleanColumn({ databaseId: D, tableId: T, key: "b", required: false, xdefault: false }),
      await db.createDatetimeColumn({ databaseId: D, tableId: T, key: "dt", required: false }),
      await db.createEmailColumn({ databaseId: D, tableId: T, key: "em", required: false }),
      await db.createEnumColumn({ databaseId: D, tableId: T, key: "en", elements: ["a", "b"], required: false }),
      await db.createIpColumn({ databaseId: D, tableId: T, key: "ip", required: false }),
      await db.createUrlColumn({ databaseId: D, tableId: T, key: "u", required: false }),
      await db.createStringColumn({ databaseId: D, tableId: T, key: "arr", size: 5, required: false, array: true }),
    ];
    for (const c of created) expect(c.status).toBe("processing");
    const cols = await db.listColumns({ databaseId: D, tableId: T });
    expect(cols.total).toBe(15);
    const byKey = Object.fromEntries(cols.columns.map((c) => [c.key, c as unknown as Record<string, unknown>]));
    for (const c of cols.columns) expect(c.status).toBe("available");
    expect(byKey.s).toMatchObject({ type: "string", size: 10, default: "dflt", required: false, array: false });
    expect(byKey.v).toMatchObject({ type: "varchar", size: 20, required: true });
    expect(byKey.tx).toMatchObject({ type: "text" });
    expect(byKey.i).toMatchObject({ type: "integer", min: 1, max: 100, default: 5 });
    expect(byKey.bi).toMatchObject({ type: "bigint", min: -(2n ** 63n), max: 2n ** 63n - 1n });
    expect(byKey.f).toMatchObject({ type: "double", min: 0, max: 1.5 });
    expect(byKey.b).toMatchObject({ type: "boolean", default: false });
    expect(byKey.dt).toMatchObject({ type: "datetime", format: "datetime" });
    expect(byKey.em).toMatchObject({ type: "string", format: "email" });
    expect(byKey.en).toMatchObject({ type: "string", format: "enum", elements: ["a", "b"] });
    expect(byKey.ip).toMatchObject({ type: "string", format: "ip" });
    expect(byKey.u).toMatchObject({ type: "string", format: "url" });
    expect(byKey.arr).toMatchObject({ type: "string", array: true });
    expect(await db.getColumn({ databaseId: D, tableId: T, key: "en" })).toMatchObject({
      key: "en",
      status: "available",
    });
    expect(
      (await db.listColumns({ databaseId: D, tableId: T, queries: [Query.equal("type", "integer")] })).columns.map(
        (c) => c.key,
      ),
    ).toEqual(["i"]);

    const row = await db.createRow({ databaseId: D, tableId: T, rowId: "r1", data: { v: "x" } });
    expect(row).toMatchObject({ s: "dflt", v: "x", i: 5, b: false, bi: null, arr: null, dt: null });
  });

  it("rejects invalid definitions", async () => {
    const cases: Array<[() => Promise<unknown>, number, string]> = [
      [
        () => db.createStringColumn({ databaseId: D, tableId: T, key: "s", size: 5, required: false }),
        409,
        "column_already_exists",
      ],
      [
        () => db.createVarcharColumn({ databaseId: D, tableId: T, key: "req", size: 5, required: true, xdefault: "x" }),
        400,
        "column_default_unsupported",
      ],
      [
        () =>
          db.createIntegerColumn({ databaseId: D, tableId: T, key: "arrd", required: false, array: true, xdefault: 1 }),
        400,
        "column_default_unsupported",
      ],
      [
        () => db.createIntegerColumn({ databaseId: D, tableId: T, key: "mm", required: false, min: 5, max: 1 }),
        400,
        "column_value_invalid",
      ],
      [
        () =>
          db.createIntegerColumn({
            databaseId: D,
            tableId: T,
            key: "rng",
            required: false,
            min: 1,
            max: 3,
            xdefault: 9,
          }),
        400,
        "column_value_invalid",
      ],
      [
        () =>
          db.createEnumColumn({
            databaseId: D,
            tableId: T,
            key: "en2",
            elements: ["a"],
            required: false,
            xdefault: "z",
          }),
        400,
        "column_value_invalid",
      ],
      [
        () => db.createVarcharColumn({ databaseId: D, tableId: T, key: "big", size: 20000, required: false }),
        400,
        "general_argument_invalid",
      ],
      [
        () => db.createBooleanColumn({ databaseId: D, tableId: T, key: "$bad", required: false }),
        400,
        "general_argument_invalid",
      ],
      [
        () => db.createBooleanColumn({ databaseId: D, tableId: "missing", key: "b", required: false }),
        404,
        "table_not_found",
      ],
      [() => db.getColumn({ databaseId: D, tableId: T, key: "nope" }), 404, "column_not_found"],
    ];
    for (const [call, code, type] of cases) expect(await appwriteError(call)).toMatchObject({ code, type });
  });

  it("adds columns to a table that has rows (existing rows read null, even for required columns)", async () => {
    await db.createTable({ databaseId: D, tableId: "grow", name: "Grow" });
    await db.createVarcharColumn({ databaseId: D, tableId: "grow", key: "name", size: 10, required: true });
    await db.createRow({ databaseId: D, tableId: "grow", rowId: "old", data: { name: "old" } });
    await db.createIntegerColumn({ databaseId: D, tableId: "grow", key: "count", required: true });
    await db.createBooleanColumn({ databaseId: D, tableId: "grow", key: "flag", required: false, xdefault: true });
    const old = await db.getRow({ databaseId: D, tableId: "grow", rowId: "old" });
    expect(old).toMatchObject({ name: "old", count: null, flag: null });
    const fresh = await db.createRow({ databaseId: D, tableId: "grow", rowId: "new", data: { name: "new", count: 1 } });
    expect(fresh).toMatchObject({ count: 1, flag: true });
    // The required column must now be supplied when the old row is updated.
    expect(
      await appwriteError(() =>
        db.updateRow({ databaseId: D, tableId: "grow", rowId: "old", data: { name: "older" } }),
      ),
    ).toMatchObject({
      code: 400,
      type: "row_invalid_structure",
      message: 'Invalid document structure: Missing required attribute "count"',
    });
  });

  it("updates, renames and deletes columns", async () => {
    await db.createTable({ databaseId: D, tableId: "upd", name: "Upd" });
    await db.createVarcharColumn({ databaseId: D, tableId: "upd", key: "title", size: 50, required: false });
    await db.createIndex({ databaseId: D, tableId: "upd", key: "ft", type: "fulltext" as never, columns: ["title"] });
    await db.createRow({ databaseId: D, tableId: "upd", rowId: "r", data: { title: "a long title here" } });

    expect(
      await appwriteError(() =>
        db.updateVarcharColumn({
          databaseId: D,
          tableId: "upd",
          key: "title",
          required: false,
          xdefault: null as never,
          size: 5,
        }),
      ),
    ).toMatchObject({
      code: 400,
      type: "column_invalid_resize",
    });
    const renamed = await db.updateVarcharColumn({
      databaseId: D,
      tableId: "upd",
      key: "title",
      required: false,
      xdefault: "untitled",
      size: 60,
      newKey: "heading",
    });
    expect(renamed).toMatchObject({ key: "heading", size: 60, default: "untitled" });
    expect(await db.getRow({ databaseId: D, tableId: "upd", rowId: "r" })).toMatchObject({
      heading: "a long title here",
    });
    expect((await db.listIndexes({ databaseId: D, tableId: "upd" })).indexes[0]?.columns).toEqual(["heading"]);
    const found = await db.listRows({ databaseId: D, tableId: "upd", queries: [Query.search("heading", "title")] });
    expect(found.total).toBe(1);
    expect(
      await appwriteError(() =>
        db.updateIntegerColumn({
          databaseId: D,
          tableId: "upd",
          key: "heading",
          required: false,
          xdefault: null as never,
        }),
      ),
    ).toMatchObject({
      code: 400,
      type: "column_type_invalid",
    });

    await db.deleteColumn({ databaseId: D, tableId: "upd", key: "heading" });
    expect((await db.listColumns({ databaseId: D, tableId: "upd" })).total).toBe(0);
    expect((await db.listIndexes({ databaseId: D, tableId: "upd" })).total).toBe(0);
    const row = await db.getRow({ databaseId: D, tableId: "upd", rowId: "r" });
    expect(row).not.toHaveProperty("heading");
    expect(await appwriteError(() => db.deleteColumn({ databaseId: D, tableId: "upd", key: "heading" }))).toMatchObject(
      { code: 404, type: "column_not_found" },
    );
  });
});

describe("indexes", () => {
  const T = "idx";
  beforeAll(async () => {
    await db.createTable({ databaseId: D, tableId: T, name: "Idx" });
    await db.createVarcharColumn({ databaseId: D, tableId: T, key: "code", size: 10, required: false });
    await db.createIntegerColumn({ databaseId: D, tableId: T, key: "n", required: false });
    await db.createStringColumn({ databaseId: D, tableId: T, key: "tags", size: 10, required: false, array: true });
  });

  it("create (202 processing), get, list, delete", async () => {
    const created = await db.createIndex({
      databaseId: D,
      tableId: T,
      key: "by_code",
      type: "key" as never,
      columns: ["code", "n"],
      orders: ["asc", "desc"] as never,
    });
    expect(created).toMatchObject({
      key: "by_code",
      type: "key",
      status: "processing",
      columns: ["code", "n"],
      orders: ["asc", "desc"],
    });
    expect(await db.getIndex({ databaseId: D, tableId: T, key: "by_code" })).toMatchObject({ status: "available" });
    await db.createIndex({
      databaseId: D,
      tableId: T,
      key: "by_created",
      type: "key" as never,
      columns: ["$createdAt"],
    });
    expect((await db.listIndexes({ databaseId: D, tableId: T })).total).toBe(2);
    await db.deleteIndex({ databaseId: D, tableId: T, key: "by_created" });
    expect(await appwriteError(() => db.getIndex({ databaseId: D, tableId: T, key: "by_created" }))).toMatchObject({
      code: 404,
      type: "column_index_not_found",
    });
  });

  it("unique indexes: enforced, and a build over duplicates fails", async () => {
    await db.createRow({ databaseId: D, tableId: T, rowId: "a", data: { code: "X", n: 1 } });
    await db.createRow({ databaseId: D, tableId: T, rowId: "b", data: { code: "X", n: 2 } });
    await db.createIndex({ databaseId: D, tableId: T, key: "u_code", type: "unique" as never, columns: ["code"] });
    const failed = await db.getIndex({ databaseId: D, tableId: T, key: "u_code" });
    expect(failed.status).toBe("failed");
    await db.createIndex({ databaseId: D, tableId: T, key: "u_n", type: "unique" as never, columns: ["n"] });
    expect(
      await appwriteError(() => db.createRow({ databaseId: D, tableId: T, rowId: "c", data: { n: 1 } })),
    ).toMatchObject({
      code: 409,
      type: "row_unique_constraint_violation",
    });
    expect(
      await appwriteError(() => db.updateRow({ databaseId: D, tableId: T, rowId: "b", data: { n: 1 } })),
    ).toMatchObject({
      code: 409,
      type: "row_unique_constraint_violation",
    });
  });

  it("rejects bad index definitions", async () => {
    const cases: Array<[() => Promise<unknown>, number, string]> = [
      [
        () => db.createIndex({ databaseId: D, tableId: T, key: "u_n", type: "key" as never, columns: ["n"] }),
        409,
        "column_index_already_exists",
      ],
      [
        () => db.createIndex({ databaseId: D, tableId: T, key: "x1", type: "key" as never, columns: ["missing"] }),
        400,
        "column_unknown",
      ],
      [
        () => db.createIndex({ databaseId: D, tableId: T, key: "x2", type: "key" as never, columns: ["tags"] }),
        400,
        "index_invalid",
      ],
      [
        () => db.createIndex({ databaseId: D, tableId: T, key: "x3", type: "fulltext" as never, columns: ["n"] }),
        400,
        "column_index_invalid",
      ],
      [
        () => db.createIndex({ databaseId: D, tableId: T, key: "x4", type: "bogus" as never, columns: ["n"] }),
        400,
        "general_argument_invalid",
      ],
    ];
    for (const [call, code, type] of cases) expect(await appwriteError(call)).toMatchObject({ code, type });
  });
});
