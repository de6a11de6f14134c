import { describe, expect, it } from "vitest";
import { runListQuery, type ListDoc, type ListSpec } from "./list-query.ts";

type Doc = ListDoc & { name: string; age: number | null; tags: string[] };
const docs: Doc[] = [
  { $id: "a", $sequence: 1, $createdAt: "2025-01-01", $updatedAt: "2025-01-01", name: "Ann Lee", age: 30, tags: ["x"] },
  {
    $id: "b",
    $sequence: 2,
    $createdAt: "2025-01-02",
    $updatedAt: "2025-01-02",
    name: "Bob Stone",
    age: null,
    tags: [],
  },
  {
    $id: "c",
    $sequence: 3,
    $createdAt: "2025-01-03",
    $updatedAt: "2025-01-03",
    name: "Cy Lee",
    age: 30,
    tags: ["x", "y"],
  },
  { $id: "d", $sequence: 4, $createdAt: "2025-01-04", $updatedAt: "2025-01-04", name: "Di", age: 12, tags: ["y"] },
];
const spec: ListSpec<Doc> = {
  label: "Thing",
  attributes: { name: "string", age: "integer", tags: "array" },
  searchText: (d) => `${d.$id} ${d.name}`,
};
const q = (method: string, attribute?: string, values?: unknown[]) => JSON.stringify({ method, attribute, values });
const ids = (queries: string[], search = "", total = true) => {
  const r = runListQuery(docs, queries, search, total, spec);
  return { ids: r.items.map((d) => d.$id), total: r.total };
};

describe("list queries", () => {
  it("filters", () => {
    expect(ids([q("equal", "age", [30])]).ids).toEqual(["a", "c"]);
    expect(ids([q("notEqual", "age", [30])]).ids).toEqual(["b", "d"]);
    expect(ids([q("greaterThan", "age", [12])]).ids).toEqual(["a", "c"]);
    expect(ids([q("between", "age", [10, 29])]).ids).toEqual(["d"]);
    expect(ids([q("isNull", "age")]).ids).toEqual(["b"]);
    expect(ids([q("contains", "tags", ["y"])]).ids).toEqual(["c", "d"]);
    expect(ids([q("contains", "name", ["Lee"])]).ids).toEqual(["a", "c"]);
    expect(ids([q("startsWith", "name", ["B"])]).ids).toEqual(["b"]);
    expect(ids([q("search", "name", ["sto"])]).ids).toEqual(["b"]);
    expect(
      ids([
        q("or", undefined, [
          { method: "equal", attribute: "$id", values: ["a"] },
          { method: "lessThan", attribute: "age", values: [20] },
        ]),
      ]).ids,
    ).toEqual(["a", "d"]);
    expect(ids([], "lee").ids).toEqual(["a", "c"]);
  });

  it("orders, pages and counts like Appwrite", () => {
    expect(ids([q("orderDesc", "age"), q("limit", undefined, [2])])).toEqual({ ids: ["a", "c"], total: 4 });
    expect(ids([q("orderDesc", "$createdAt"), q("offset", undefined, [1]), q("limit", undefined, [2])]).ids).toEqual([
      "c",
      "b",
    ]);
    expect(ids([q("cursorAfter", undefined, ["b"])]).ids).toEqual(["c", "d"]);
    expect(ids([q("cursorBefore", undefined, ["d"]), q("limit", undefined, [2])]).ids).toEqual(["b", "c"]);
    expect(ids([q("equal", "age", [30])], "", false).total).toBe(0);
  });

  it("rejects what Appwrite rejects", () => {
    expect(() => ids(["{nope"])).toThrow(/Syntax error/);
    expect(() => ids([q("equal", "secret", ["x"])])).toThrow(/Attribute not found in schema: secret/);
    expect(() => ids([q("equal", "tags", ["x"])])).toThrow(/because it is an array/);
    expect(() => ids([q("select", undefined, ["*"])])).toThrow(/Invalid query method: select/);
    expect(() => ids([q("limit", undefined, [0])])).toThrow(/Invalid limit/);
    expect(() => ids([q("cursorAfter", undefined, ["zzz"])])).toThrow(/Thing 'zzz' for the 'cursor' value not found/);
  });
});
