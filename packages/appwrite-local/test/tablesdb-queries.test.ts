// Contract: every supported query method, query validation errors, ordering with tie-breaks, limit/offset, cursors in
// both directions, `total` (capped at 5000, `total=false`), through node-appwrite's Query builder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Query, TablesDB } from "node-appwrite";
import { appwriteError, startTestServer, type TestServer } from "./helpers/server.ts";

let t: TestServer;
let db: TablesDB;
const D = "q";
const T = "items";

interface Item {
  $id: string;
  name: string;
  qty: number | null;
  price: number;
  tags: string[] | null;
  nums: number[] | null;
  on: boolean;
  when: string | null;
  body: string | null;
}

const ITEMS: Array<Partial<Item> & { $id: string }> = [
  {
    $id: "i1",
    name: "Apple",
    qty: 5,
    price: 1.5,
    tags: ["fruit", "red"],
    nums: [1, 2],
    on: true,
    when: "2024-01-01T00:00:00.000+00:00",
    body: "crisp red apple pie",
  },
  {
    $id: "i2",
    name: "Banana",
    qty: 0,
    price: 0.5,
    tags: ["fruit", "yellow"],
    nums: [2, 3],
    on: false,
    when: "2024-02-01T00:00:00.000+00:00",
    body: "ripe banana bread",
  },
  {
    $id: "i3",
    name: "Cherry",
    qty: 12,
    price: 3,
    tags: ["fruit", "red", "small"],
    nums: [12],
    on: true,
    when: "2024-03-01T00:00:00.000+00:00",
    body: "cherry pie",
  },
  { $id: "i4", name: "apricot", qty: null, price: 2, tags: null, nums: null, on: false, when: null, body: null },
  {
    $id: "i5",
    name: "Broccoli",
    qty: 5,
    price: 1.5,
    tags: ["veg", "green"],
    nums: [5],
    on: true,
    when: "2024-05-01T00:00:00.000+00:00",
    body: "green vegetable",
  },
];

const ids = (rows: Array<{ $id: string }>) => rows.map((r) => r.$id);

async function list(queries: string[]) {
  return db.listRows<
    Item & {
      $sequence: string;
      $createdAt: string;
      $updatedAt: string;
      $tableId: string;
      $databaseId: string;
      $permissions: string[];
    }
  >({
    databaseId: D,
    tableId: T,
    queries,
  });
}

beforeAll(async () => {
  t = await startTestServer();
  db = new TablesDB(t.adminClient());
  await db.create({ databaseId: D, name: "Q" });
  await db.createTable({ databaseId: D, tableId: T, name: "Items" });
  await db.createVarcharColumn({ databaseId: D, tableId: T, key: "name", size: 50, required: true });
  await db.createIntegerColumn({ databaseId: D, tableId: T, key: "qty", required: false });
  await db.createFloatColumn({ databaseId: D, tableId: T, key: "price", required: false });
  await db.createStringColumn({ databaseId: D, tableId: T, key: "tags", size: 20, required: false, array: true });
  await db.createIntegerColumn({ databaseId: D, tableId: T, key: "nums", required: false, array: true });
  await db.createBooleanColumn({ databaseId: D, tableId: T, key: "on", required: false });
  await db.createDatetimeColumn({ databaseId: D, tableId: T, key: "when", required: false });
  await db.createTextColumn({ databaseId: D, tableId: T, key: "body", required: false });
  await db.createIndex({ databaseId: D, tableId: T, key: "ft_body", type: "fulltext" as never, columns: ["body"] });
  await db.createIndex({ databaseId: D, tableId: T, key: "by_name", type: "key" as never, columns: ["name"] });
  for (const { $id, ...data } of ITEMS) await db.createRow({ databaseId: D, tableId: T, rowId: $id, data });
});
afterAll(() => t.close());

describe("filters", () => {
  it.each([
    ["equal (one)", [Query.equal("name", "Apple")], ["i1"]],
    ["equal (many)", [Query.equal("name", ["Apple", "Cherry"])], ["i1", "i3"]],
    ["equal boolean", [Query.equal("on", true)], ["i1", "i3", "i5"]],
    ["equal $id", [Query.equal("$id", ["i2", "i4"])], ["i2", "i4"]],
    ["notEqual", [Query.notEqual("qty", 5)], ["i2", "i3"]],
    ["lessThan", [Query.lessThan("qty", 5)], ["i2"]],
    ["lessThanEqual", [Query.lessThanEqual("qty", 5)], ["i1", "i2", "i5"]],
    ["greaterThan", [Query.greaterThan("price", 1.5)], ["i3", "i4"]],
    ["greaterThanEqual", [Query.greaterThanEqual("price", 1.5)], ["i1", "i3", "i4", "i5"]],
    ["between", [Query.between("qty", 1, 10)], ["i1", "i5"]],
    ["notBetween", [Query.notBetween("qty", 1, 10)], ["i2", "i3"]],
    ["isNull", [Query.isNull("qty")], ["i4"]],
    ["isNotNull", [Query.isNotNull("tags")], ["i1", "i2", "i3", "i5"]],
    ["startsWith (case-insensitive like MariaDB)", [Query.startsWith("name", "ap")], ["i1", "i4"]],
    ["endsWith", [Query.endsWith("name", "rry")], ["i3"]],
    ["notStartsWith", [Query.notStartsWith("name", "B")], ["i1", "i3", "i4"]],
    ["notEndsWith", [Query.notEndsWith("name", "a")], ["i1", "i3", "i4", "i5"]],
    ["contains on a string is a substring match", [Query.contains("name", "an")], ["i2"]],
    ["contains on an array matches elements", [Query.contains("tags", "red")], ["i1", "i3"]],
    ["contains on an array does not substring-match", [Query.contains("tags", "re")], []],
    ["contains on an integer array", [Query.contains("nums", [2])], ["i1", "i2"]],
    ["containsAny", [Query.containsAny("tags", ["yellow", "green"])], ["i2", "i5"]],
    ["containsAll", [Query.containsAll("tags", ["fruit", "red"])], ["i1", "i3"]],
    ["notContains (array)", [Query.notContains("tags", "fruit")], ["i5"]],
    ["notContains (string)", [Query.notContains("name", "e")], ["i2", "i4", "i5"]],
    ["search needs the fulltext index", [Query.search("body", "pie")], ["i1", "i3"]],
    ["search matches word prefixes", [Query.search("body", "veg")], ["i5"]],
    ["notSearch", [Query.notSearch("body", "pie")], ["i2", "i4", "i5"]],
    ["regex", [Query.regex("name", "^[AB].*a$")], ["i2"]],
    ["exists", [Query.exists(["qty", "when"])], ["i1", "i2", "i3", "i5"]],
    ["notExists", [Query.notExists(["qty"])], ["i4"]],
    ["datetime lessThan", [Query.lessThan("when", "2024-02-15")], ["i1", "i2"]],
    [
      "createdBefore/After arrive as $createdAt filters",
      [Query.createdAfter("2000-01-01T00:00:00.000+00:00"), Query.createdBefore("2999-01-01")],
      ["i1", "i2", "i3", "i4", "i5"],
    ],
    ["updatedBetween", [Query.updatedBetween("2000-01-01", "2999-01-01")], ["i1", "i2", "i3", "i4", "i5"]],
    ["$sequence", [Query.greaterThan("$sequence", 3)], ["i4", "i5"]],
    ["or", [Query.or([Query.equal("name", "Apple"), Query.lessThan("price", 1)])], ["i1", "i2"]],
    [
      "and inside or",
      [Query.or([Query.and([Query.equal("on", true), Query.greaterThan("qty", 10)]), Query.isNull("qty")])],
      ["i3", "i4"],
    ],
    ["several filters are ANDed", [Query.equal("on", true), Query.equal("qty", 5)], ["i1", "i5"]],
  ])("%s", async (_name, queries, expected) => {
    const result = await list(queries);
    expect(ids(result.rows)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });
});

describe("validation errors", () => {
  it.each([
    ["syntax", "{not json", "Invalid query: Syntax error"],
    [
      "unknown method",
      JSON.stringify({ method: "frobnicate", attribute: "name", values: [1] }),
      "Invalid query method: frobnicate",
    ],
    ["unknown attribute", Query.equal("nope", 1), "Invalid query: Attribute not found in schema: nope"],
    [
      "equal without values",
      JSON.stringify({ method: "equal", attribute: "name", values: [] }),
      "Invalid query: Equal queries require at least one value.",
    ],
    [
      "lessThan with two values",
      JSON.stringify({ method: "lessThan", attribute: "qty", values: [1, 2] }),
      "Invalid query: LessThan queries require exactly one value.",
    ],
    [
      "between with one value",
      JSON.stringify({ method: "between", attribute: "qty", values: [1] }),
      "Invalid query: Between queries require exactly two values.",
    ],
    [
      "or with one query",
      Query.or([Query.equal("name", "x")]),
      "Invalid query: Or queries require at least two queries",
    ],
    ["wrong value type", Query.equal("qty", "five"), 'Invalid query: Query value is invalid for attribute "qty"'],
    [
      "equal on an array column",
      Query.equal("tags", "red"),
      'Invalid query: Cannot query equal on attribute "tags" because it is an array.',
    ],
    [
      "contains on an integer column",
      Query.contains("qty", [5]),
      'Invalid query: Cannot query contains on attribute "qty" because it is not an array, string, or object.',
    ],
    [
      "search without a fulltext index",
      Query.search("name", "x"),
      'Searching by attribute "name" requires a fulltext index.',
    ],
    [
      "limit 0",
      Query.limit(0),
      "Invalid query: Invalid limit: Value must be a valid range between 1 and 9,223,372,036,854,775,807",
    ],
    [
      "negative offset",
      Query.offset(-1),
      "Invalid query: Invalid offset: Value must be a valid range between 0 and 9,223,372,036,854,775,807",
    ],
    ["order by unknown", Query.orderAsc("nope"), "Invalid query: Attribute not found in schema: nope"],
    [
      "too many values",
      Query.equal(
        "name",
        Array.from({ length: 501 }, (_, i) => `n${i}`),
      ),
      "Invalid query: Query on attribute has greater than 500 values: name",
    ],
    [
      "elemMatch",
      Query.elemMatch("tags", [Query.equal("name", "x")]),
      "Invalid query: elemMatch is not supported by the database",
    ],
    ["vector", Query.vectorDot("nums", [1, 2]), "Invalid query: Vector queries can only be used on vector attributes"],
    [
      "spatial",
      Query.intersects("name", [1, 2]),
      'Invalid query: Spatial query "intersects" cannot be applied on non-spatial attribute: name',
    ],
  ])("%s", async (_name, query, message) => {
    expect(await appwriteError(() => list([query]))).toEqual({ code: 400, type: "general_query_invalid", message });
  });

  it("caps queries at 100 and 4096 chars", async () => {
    const many = Array.from({ length: 101 }, () => Query.equal("name", "x"));
    expect(await appwriteError(() => list(many))).toMatchObject({ code: 400, type: "general_argument_invalid" });
    expect(await appwriteError(() => list([Query.equal("name", "x".repeat(5000))]))).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
    });
  });
});

describe("ordering, pagination and totals", () => {
  it("defaults to insertion order; orders with a $sequence tie-break", async () => {
    expect(ids((await list([])).rows)).toEqual(["i1", "i2", "i3", "i4", "i5"]);
    // qty ties (i1, i5 both 5) resolve by $sequence ascending, nulls sort first ascending.
    expect(ids((await list([Query.orderAsc("qty")])).rows)).toEqual(["i4", "i2", "i1", "i5", "i3"]);
    expect(ids((await list([Query.orderDesc("qty")])).rows)).toEqual(["i3", "i1", "i5", "i2", "i4"]);
    expect(ids((await list([Query.orderDesc("price"), Query.orderAsc("name")])).rows)).toEqual([
      "i3",
      "i4",
      "i1",
      "i5",
      "i2",
    ]);
    expect(ids((await list([Query.orderDesc("$sequence")])).rows)).toEqual(["i5", "i4", "i3", "i2", "i1"]);
    expect(ids((await list([Query.orderRandom()])).rows).sort()).toEqual(["i1", "i2", "i3", "i4", "i5"]);
  });

  it("limit and offset; total ignores them", async () => {
    const page = await list([Query.limit(2), Query.offset(1)]);
    expect(ids(page.rows)).toEqual(["i2", "i3"]);
    expect(page.total).toBe(5);
    expect(ids((await list([Query.limit(2), Query.limit(4)])).rows)).toHaveLength(2);
  });

  it("cursorAfter and cursorBefore both return forward order, with ties broken consistently", async () => {
    const order = Query.orderAsc("qty");
    const after = await list([order, Query.cursorAfter("i2"), Query.limit(2)]);
    expect(ids(after.rows)).toEqual(["i1", "i5"]);
    expect(after.total).toBe(5);
    expect(ids((await list([order, Query.cursorAfter("i1"), Query.limit(2)])).rows)).toEqual(["i5", "i3"]);
    expect(ids((await list([order, Query.cursorBefore("i3"), Query.limit(2)])).rows)).toEqual(["i1", "i5"]);
    expect(ids((await list([Query.cursorBefore("i4"), Query.limit(2)])).rows)).toEqual(["i2", "i3"]);
    expect(ids((await list([Query.cursorAfter("i4")])).rows)).toEqual(["i5"]);
    expect(ids((await list([Query.orderDesc("$createdAt"), Query.cursorAfter("i3")])).rows)).toEqual(["i2", "i1"]);
  });

  it("cursor errors", async () => {
    expect(await appwriteError(() => list([Query.cursorAfter("ghost")]))).toEqual({
      code: 400,
      type: "general_cursor_not_found",
      message: "Row 'ghost' for the 'cursor' value not found.",
    });
    expect(await appwriteError(() => list([Query.orderAsc("qty"), Query.cursorAfter("i4")]))).toMatchObject({
      code: 400,
      type: "database_query_order_null",
    });
    expect(await appwriteError(() => list([Query.cursorAfter("_bad")]))).toMatchObject({
      code: 400,
      type: "general_query_invalid",
    });
  });

  it("select on lists", async () => {
    const result = await list([Query.select(["name", "qty"]), Query.limit(1)]);
    expect(Object.keys(result.rows[0]!).sort()).toEqual([
      "$createdAt",
      "$databaseId",
      "$id",
      "$permissions",
      "$sequence",
      "$tableId",
      "$updatedAt",
      "name",
      "qty",
    ]);
    expect(Object.keys((await list([Query.select(["*"]), Query.limit(1)])).rows[0]!)).toContain("body");
  });

  it("total is capped at 5000 and total=false gives 0", async () => {
    await db.createTable({ databaseId: D, tableId: "many", name: "Many" });
    await db.createIntegerColumn({ databaseId: D, tableId: "many", key: "n", required: true });
    for (let batch = 0; batch < 51; batch++) {
      await db.createRows({
        databaseId: D,
        tableId: "many",
        rows: Array.from({ length: 100 }, (_, i) => ({ n: batch * 100 + i })),
      });
    }
    const all = await db.listRows({ databaseId: D, tableId: "many" });
    expect(all.total).toBe(5000);
    expect(all.rows).toHaveLength(25);
    expect((await db.listRows({ databaseId: D, tableId: "many", queries: [Query.lessThan("n", 10)] })).total).toBe(10);
    expect((await db.listRows({ databaseId: D, tableId: "many", total: false })).total).toBe(0);
    const big = await db.listRows({ databaseId: D, tableId: "many", queries: [Query.limit(6000)] });
    expect(big.rows).toHaveLength(5100);
  });
});
