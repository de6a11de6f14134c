import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRowEvent, eventRoles, rowChannels, rowEventNames } from "./events.ts";

// A copy of shared/appwrite-row-create-events.json, kept in the package so the test runs from any checkout.
const expected = JSON.parse(
  readFileSync(new URL("./fixtures/row-create-events.json", import.meta.url), "utf8"),
) as string[];

describe("row event names", () => {
  it("match Appwrite's list for a create, in order", () => {
    expect(expected).toHaveLength(64);
    expect(rowEventNames("DB", "TB", "ROW", "create")).toEqual(expected);
  });

  it("swap only the action suffix for other actions", () => {
    for (const action of ["update", "upsert", "delete"] as const) {
      const names = rowEventNames("DB", "TB", "ROW", action);
      expect(names).toEqual(expected.map((n) => n.replace(/\.create$/, `.${action}`)));
      expect(names[0]).toBe(`tablesdb.DB.tables.TB.rows.ROW.${action}`);
    }
  });

  it("substitute real IDs", () => {
    const names = rowEventNames("main", "people", "r1", "create");
    expect(names).toContain("databases.main.collections.people.documents.r1.create");
    expect(names).toContain("tablesdb.*.tables.people.rows.*");
    expect(names.at(-1)).toBe("databases.*");
  });
});

describe("row channels", () => {
  it("are the 8 base channels plus each with the action appended", () => {
    const channels = rowChannels("D", "T", "R", "update");
    expect(channels).toHaveLength(16);
    expect(channels.slice(0, 8)).toEqual([
      "documents",
      "databases.D.collections.T.documents",
      "databases.D.collections.T.documents.R",
      "rows",
      "databases.D.tables.T.rows",
      "databases.D.tables.T.rows.R",
      "tablesdb.D.tables.T.rows",
      "tablesdb.D.tables.T.rows.R",
    ]);
    expect(channels.slice(8)).toEqual(channels.slice(0, 8).map((c) => `${c}.update`));
  });
});

describe("event roles", () => {
  it("include row read roles only with row security", () => {
    expect(eventRoles(["users"], ["user:a"], false)).toEqual(["users"]);
    expect(eventRoles(["users"], ["user:a", "users"], true)).toEqual(["users", "user:a"]);
  });

  it("build a full RealtimeEvent", () => {
    const e = buildRowEvent({
      databaseId: "D",
      tableId: "T",
      rowId: "R",
      action: "delete",
      roles: ["any"],
      payload: { $id: "R" },
    });
    expect(e.events[0]).toBe("tablesdb.D.tables.T.rows.R.delete");
    expect(e.channels).toContain("rows.delete");
    expect(e.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    expect(e.payload).toEqual({ $id: "R" });
  });
});
