// Contract: incrementRowColumn / decrementRowColumn – bounds, every error case of the protocol, atomicity under
// concurrent requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TablesDB } from "node-appwrite";
import { appwriteError, startTestServer, type TestServer } from "./helpers/server.ts";

let t: TestServer;
let db: TablesDB;
const D = "inc";
const T = "counters";
const base = { databaseId: D, tableId: T };

beforeAll(async () => {
  t = await startTestServer();
  db = new TablesDB(t.adminClient());
  await db.create({ databaseId: D, name: "Inc" });
  await db.createTable({ databaseId: D, tableId: T, name: "Counters" });
  await db.createIntegerColumn({ ...base, key: "count", required: false });
  await db.createFloatColumn({ ...base, key: "ratio", required: false });
  await db.createVarcharColumn({ ...base, key: "label", size: 10, required: false });
  await db.createIntegerColumn({ ...base, key: "list", required: false, array: true });
  await db.createRow({ ...base, rowId: "c1", data: { count: 5, ratio: 1 } });
  await db.createRow({ ...base, rowId: "empty", data: { label: "x" } });
});
afterAll(() => t.close());

describe("increment and decrement", () => {
  it("change the value (default 1) and move $updatedAt", async () => {
    const before = await db.getRow({ ...base, rowId: "c1" });
    await new Promise((r) => setTimeout(r, 3));
    const after = await db.incrementRowColumn({ ...base, rowId: "c1", column: "count" });
    expect(after.count).toBe(6);
    expect(after.$updatedAt > before.$updatedAt).toBe(true);
    expect((await db.incrementRowColumn({ ...base, rowId: "c1", column: "count", value: 2, max: 8 })).count).toBe(8);
    expect((await db.decrementRowColumn({ ...base, rowId: "c1", column: "count", value: 3 })).count).toBe(5);
    expect((await db.incrementRowColumn({ ...base, rowId: "c1", column: "ratio", value: 0.5 })).ratio).toBe(1.5);
    expect((await db.incrementRowColumn({ ...base, rowId: "empty", column: "count", value: 4 })).count).toBe(4);
  });

  it("bounds: exceeding max or going below min is column_limit_exceeded and changes nothing", async () => {
    expect(
      await appwriteError(() => db.incrementRowColumn({ ...base, rowId: "c1", column: "count", value: 4, max: 8 })),
    ).toEqual({
      code: 400,
      type: "column_limit_exceeded",
      message: 'tablesDB "count" has reached the maximum value of 8',
    });
    expect(
      await appwriteError(() => db.decrementRowColumn({ ...base, rowId: "c1", column: "count", value: 6, min: 0 })),
    ).toEqual({
      code: 400,
      type: "column_limit_exceeded",
      message: 'tablesDB "count" has reached the minimum value of 0',
    });
    expect((await db.getRow({ ...base, rowId: "c1" })).count).toBe(5);
  });

  it("error cases", async () => {
    const cases: Array<[() => Promise<unknown>, number, string]> = [
      [
        () => db.incrementRowColumn({ ...base, rowId: "c1", column: "count", value: 0 }),
        400,
        "general_argument_invalid",
      ],
      [
        () => db.decrementRowColumn({ ...base, rowId: "c1", column: "count", value: -1 }),
        400,
        "general_argument_invalid",
      ],
      [() => db.incrementRowColumn({ ...base, rowId: "c1", column: "label" }), 400, "attribute_type_invalid"],
      [() => db.incrementRowColumn({ ...base, rowId: "c1", column: "list" }), 400, "attribute_type_invalid"],
      [() => db.incrementRowColumn({ ...base, rowId: "c1", column: "nope" }), 404, "column_not_found"],
      [() => db.incrementRowColumn({ ...base, rowId: "ghost", column: "count" }), 404, "column_not_found"],
      [
        () => db.incrementRowColumn({ databaseId: D, tableId: "nope", rowId: "c1", column: "count" }),
        404,
        "table_not_found",
      ],
    ];
    for (const [call, code, type] of cases) expect(await appwriteError(call)).toMatchObject({ code, type });
    const typeError = await appwriteError(() => db.incrementRowColumn({ ...base, rowId: "c1", column: "label" }));
    expect(typeError.message).toBe('tablesDB "label" is not a number');
  });

  it("is atomic: concurrent increments never pass max", async () => {
    await db.createRow({ ...base, rowId: "race", data: { count: 0 } });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => db.incrementRowColumn({ ...base, rowId: "race", column: "count", max: 30 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(20);
    expect((await db.getRow({ ...base, rowId: "race" })).count).toBe(30);
  });
});
