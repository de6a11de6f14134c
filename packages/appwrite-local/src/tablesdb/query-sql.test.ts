import { describe, expect, it } from "vitest";
import { effectiveOrders, ftsQuery } from "./query-sql.ts";

describe("fulltext query translation (MariaDB boolean mode as Appwrite uses it)", () => {
  it.each([
    ["pie", '"pie"*'],
    ["apple pie", '"apple" OR "pie"*'],
    ['"apple pie"', '"apple pie"'],
    ["a+b -c", '"a" OR "b" OR "c"*'],
    ["  ***  ", ""],
  ])("%s", (input, expected) => {
    expect(ftsQuery(input)).toBe(expected);
  });
});

describe("order tie-break", () => {
  it("appends $sequence ASC, or in the lead direction for $createdAt/$updatedAt", () => {
    expect(effectiveOrders([])).toEqual([{ attribute: "$sequence", direction: "ASC" }]);
    expect(effectiveOrders([{ attribute: "n", direction: "DESC" }]).at(-1)).toEqual({
      attribute: "$sequence",
      direction: "ASC",
    });
    expect(effectiveOrders([{ attribute: "$createdAt", direction: "DESC" }]).at(-1)).toEqual({
      attribute: "$sequence",
      direction: "DESC",
    });
    expect(effectiveOrders([{ attribute: "$id", direction: "DESC" }])).toHaveLength(1);
  });
});
