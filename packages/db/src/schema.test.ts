import { BUCKETS, TABLES } from "@tenang/booking-core/resource-ids";
import { describe, expect, it } from "vitest";
import { buckets, tables } from "./schema.ts";

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe("schema ids", () => {
  // Code addresses tables and buckets only through booking-core's resource-ids: a table created here but missing
  // there could not be reached, and one listed there but not created here would fail at the first call.
  it("creates exactly the tables resource-ids lists, each once", () => {
    expect(sorted(tables.map((t) => t.id))).toEqual(sorted(Object.values(TABLES)));
  });

  it("creates exactly the buckets resource-ids lists, each once", () => {
    expect(sorted(buckets.map((b) => b.id))).toEqual(sorted(Object.values(BUCKETS)));
  });
});
